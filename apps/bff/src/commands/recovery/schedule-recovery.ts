import type { Logger } from "pino";
import type { RecoverableCommand } from "./attempt-ledger";
import { type RecoveryDeps, type RecoveryReport, recoverInterruptedAttempts } from "./recover-attempts";

/**
 * Runs recoverInterruptedAttempts now and then every `afterMs` (unref'd, never two at once),
 * logging what each run settled. Returns a stop function.
 */
export function scheduleRecovery(
  deps: RecoveryDeps,
  commands: readonly RecoverableCommand[],
  afterMs: number,
  logger: Logger,
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void recoverInterruptedAttempts(deps, commands, { olderThanMs: afterMs })
      .then((report: RecoveryReport) => {
        const level = report.open > 0 || report.keysCompleted + report.keysReleased > 0 ? "info" : "debug";
        logger[level]({ recovery: report }, "interrupted commands reconciled");
      })
      .catch((error: unknown) => logger.warn({ err: error }, "reconciling interrupted commands failed"))
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, afterMs);
  timer.unref();
  return () => clearInterval(timer);
}

import { RoleSchema } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { AuditService } from "../../core/audit-port";
import type { Database } from "../../storage/schema";
import type { Recovered, RequestedAttempt, Settlement } from "../command";
import { attemptEvent } from "../events";
import { IDEMPOTENCY_TTL_MS } from "../idempotency";
import { isSettled, type RecoverableCommand, readAttemptLedger } from "./attempt-ledger";
import { settleKeys } from "./settle-keys";

export interface RecoveryDeps {
  readonly db: Kysely<Database>;
  readonly audit: Pick<AuditService, "appendUnless">;
  readonly now: () => number;
}

export interface RecoveryOptions {
  /**
   * Only attempts (and in-flight Idempotency-Keys) older than this are taken for interrupted: a
   * live attempt on any replica ends well within it (CCM's deadline plus one reconciliation).
   */
  readonly olderThanMs: number;
  /** How far back the audit log is read (default: the Idempotency-Key lifetime, 24 h). */
  readonly lookbackMs?: number;
}

export interface RecoveryReport {
  /** Interrupted attempts found (requested, never ended). */
  readonly open: number;
  readonly reconciled: number;
  readonly failed: number;
  /** Attempts recorded as of unknown outcome (CCM cannot tell, e.g. it lists no such CA). */
  readonly unknown: number;
  /** Left for the next run: CCM could not be searched, or another replica settled them first. */
  readonly pending: number;
  readonly keysCompleted: number;
  readonly keysReleased: number;
}

/**
 * Settles what a crash (kill -9, power loss) left behind, for every command given: attempts with a
 * `requested` event and no ending, older than `olderThanMs`. Each command's recovery looks for the
 * effects of its open attempts (reads only) and says reconciled, failed, unknown or pending; each
 * event is appended only if no replica ended the attempt meanwhile (checked under the audit lock).
 * Then the Idempotency-Keys of those attempts, and every key left in flight, are settled
 * (settle-keys.ts) so a client's retry gets the real answer. Safe to run on every replica at once.
 */
export async function recoverInterruptedAttempts(
  deps: RecoveryDeps,
  commands: readonly RecoverableCommand[],
  options: RecoveryOptions,
): Promise<RecoveryReport> {
  const now = deps.now();
  const cutoff = now - options.olderThanMs;
  const since = now - (options.lookbackMs ?? IDEMPOTENCY_TTL_MS);
  const counts = { open: 0, reconciled: 0, failed: 0, unknown: 0, pending: 0 };
  const ledgers = [];
  for (const command of commands) {
    const ledger = await readAttemptLedger(deps.db, command, since);
    ledgers.push(ledger);
    const open = ledger.open(cutoff);
    counts.open += open.length;
    if (open.length === 0) continue;
    const decided = await command.recovery.recover(open, { linkedTargets: ledger.linked });
    for (const attempt of open) {
      const outcome: Recovered = decided.get(attempt.attemptId) ?? { kind: "pending" };
      if (outcome.kind === "pending") {
        counts.pending++;
        continue;
      }
      const event = recoveredEvent(command, attempt, outcome);
      const written = await deps.audit.appendUnless(event, (locked) => isSettled(locked, command, attempt));
      if (!written) {
        counts.pending++;
        continue;
      }
      const settlement: Settlement = {
        action: outcome.kind,
        target: outcome.kind === "reconciled" ? outcome.target : null,
        upstreamRequestId: null,
        details: event.details ?? {},
      };
      ledger.settled.set(attempt.attemptId, settlement);
      if (settlement.target) ledger.linked.add(settlement.target);
      counts[outcome.kind]++;
    }
  }
  const keys = await settleKeys(deps, commands, ledgers, cutoff);
  return { ...counts, ...keys };
}

/** The event recovery writes for an attempt, in the name of whoever started it, as stored. */
function recoveredEvent(
  command: RecoverableCommand,
  a: RequestedAttempt,
  outcome: Exclude<Recovered, { kind: "pending" }>,
) {
  const who = {
    username: a.actor,
    role: RoleSchema.safeParse(a.role).data ?? null,
    via: a.via,
    requestId: a.requestId,
    attemptId: a.attemptId,
  };
  return attemptEvent(who, command.action, outcome.kind, {
    target: outcome.target,
    details: { recovered: true, ...outcome.details },
  });
}

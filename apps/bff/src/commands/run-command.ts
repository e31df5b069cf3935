import type { CommandStage } from "@pca/contracts";
import type { AuditLog } from "../core/audit-port";
import type { UpstreamFailure } from "../upstream/port";
import type { CommandContext, CommandDefinition, CommandOutcome, EventBody } from "./command";
import { appendBeforeUpstream, appendOutcome, failureDetails, stageEvent } from "./events";

/** What the runner needs besides the command: the audit log and a clock. */
export interface RunnerDeps {
  readonly audit: AuditLog;
  readonly now: () => number;
  /** Called when an outcome event could not be stored even after retries (for the log). */
  readonly onAuditLost?: (action: string, attemptId: string) => void;
}

/** CCM surely did nothing and may well accept the same request a moment later. */
const PASSING = new Set(["UPSTREAM_RATE_LIMITED", "UPSTREAM_UNREACHABLE", "UPSTREAM_AUTH_FAILED"]);

/**
 * Runs one state-changing command with the guarantees every command shares (see CommandDefinition):
 * checks and reads first (a refusal is audited and nothing is sent), `requested` before the call
 * (fails closed), exactly one upstream call and never an automatic retry, then `succeeded`,
 * `failed`, or `unknown` followed by a reconciliation that only reads. Never throws for an outcome:
 * every ending is a CommandOutcome.
 */
export async function runCommand<Prepared, Body>(
  deps: RunnerDeps,
  command: CommandDefinition<Prepared, Body, unknown>,
  ctx: CommandContext,
  input: unknown,
): Promise<CommandOutcome<Body>> {
  const record = async (stage: CommandStage, body: EventBody, upstreamRequestId: string | null = null) => {
    const event = stageEvent(ctx, command.action, stage, body, upstreamRequestId);
    if (!(await appendOutcome(deps.audit, event))) deps.onAuditLost?.(event.action, ctx.attemptId);
  };

  const prepared = await command.prepare(input, ctx);
  if (!prepared.ok) {
    const { error, target, final } = prepared.refusal;
    await record("refused", { target, details: { code: error.code, message: error.message } });
    return { ok: false, error, final, stage: "refused" };
  }
  const p = prepared.value;
  const requested = stageEvent(ctx, command.action, "requested", command.requested(p));
  if (!(await appendBeforeUpstream(deps.audit, requested))) {
    return {
      ok: false,
      final: false,
      stage: "refused",
      error: {
        code: "AUDIT_UNAVAILABLE",
        message: "The audit log cannot be written, so nothing was sent to CCM. Try again shortly.",
      },
    };
  }

  const sentAt = deps.now();
  const sent = await command.send(p);
  if (sent.ok) {
    const done = command.succeeded(p, sent.value, sent.requestId);
    await record("succeeded", done, sent.requestId);
    return { ok: true, status: done.status, value: done.body };
  }
  const error = sent.error;
  const upstreamRequestId = error.upstream?.request_id ?? null;
  if (!error.outcomeUnknown) {
    await record("failed", { target: command.target(p), details: failureDetails(error) }, upstreamRequestId);
    return { ok: false, error, final: !PASSING.has(error.code), stage: "failed" };
  }

  // CCM may have done it before the connection died: say so, then look (reads only).
  await record("unknown", { target: command.target(p), details: failureDetails(error) }, upstreamRequestId);
  const found = await command.reconcile(p, sentAt);
  switch (found.kind) {
    case "found":
      await record("reconciled", {
        target: found.target,
        details: { ...found.details, after: error.code },
      });
      return { ok: true, status: found.status, value: found.body };
    case "undecidable":
      return { ok: false, final: true, stage: "unknown", error: unknownOutcome(error, found.reason) };
    case "absent":
      await record("failed", {
        target: command.target(p),
        details: {
          ...failureDetails(error),
          reconciled: false,
          reason: `${found.reason}.`,
          ...found.details,
        },
      });
      return {
        ok: false,
        final: true,
        stage: "failed",
        error: {
          ...error,
          message: `${error.message} ${found.reason}, so the attempt is recorded as failed.`,
          details: { cause: error.code, outcome: "failed" },
        },
      };
  }
}

function unknownOutcome(error: UpstreamFailure, reason: string): UpstreamFailure {
  return {
    ...error,
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    message: `CCM did not confirm the request and ${reason}; the attempt stays recorded as of unknown outcome. Check CCM before trying again.`,
    details: { cause: error.code, outcome: "unknown" },
  };
}

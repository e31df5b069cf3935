import type { AuditAction, AuditOutcome, UpstreamError } from "@pca/contracts";
import type { Actor } from "../../core/actor";
import type { AuditLog, NewAuditEvent } from "../../core/audit-port";
import type { UpstreamFailure } from "../../upstream/port";

/** One issuance attempt as the audit log sees it: who, which HTTP request, which attempt. */
export interface AttemptContext {
  readonly actor: Actor;
  readonly requestId: string;
  /** Ties requested → succeeded/failed/unknown → reconciled together. */
  readonly attemptId: string;
}

/** Builds an issuance event; details never hold the CSR itself, only what identifies it. */
export function issuanceEvent(
  ctx: AttemptContext,
  action: AuditAction,
  outcome: AuditOutcome,
  target: string | null,
  details: Record<string, unknown>,
  upstreamRequestId: string | null = null,
): NewAuditEvent {
  return {
    actor: ctx.actor.username,
    role: ctx.actor.role,
    action,
    target,
    outcome,
    requestId: ctx.requestId,
    upstreamRequestId,
    details: { attempt: ctx.attemptId, via: ctx.actor.via, ...details },
  };
}

/** What an upstream failure leaves in an audit event: our code and CCM's own words. */
export function failureDetails(error: UpstreamFailure): Record<string, unknown> {
  const upstream: UpstreamError | undefined = error.upstream;
  return {
    code: error.code,
    ...(upstream?.status === undefined ? {} : { upstream_status: upstream.status }),
    ...(upstream?.error_code === undefined ? {} : { error_code: upstream.error_code }),
    ...(upstream?.error_msg === undefined ? {} : { error_msg: upstream.error_msg }),
  };
}

/**
 * Appends the event that must exist before anything is sent upstream. Resolves false when the log
 * could not store it: the caller then stops (the audit fails closed).
 */
export async function appendBeforeUpstream(audit: AuditLog, event: NewAuditEvent): Promise<boolean> {
  try {
    await audit.append(event);
    return true;
  } catch {
    return false;
  }
}

/**
 * Appends an outcome event (succeeded, failed, unknown, reconciled, refused). The outcome already
 * happened, so a failing log is tried a few more times rather than changing the answer; resolves
 * false when it stayed down (the caller reports it in its own log).
 */
export async function appendOutcome(audit: AuditLog, event: NewAuditEvent, attempts = 3): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      await audit.append(event);
      return true;
    } catch {
      if (i < attempts - 1) await new Promise((r) => setTimeout(r, 50 * (i + 1)));
    }
  }
  return false;
}

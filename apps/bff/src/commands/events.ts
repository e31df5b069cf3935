import {
  type AuditOutcome,
  type CommandAction,
  type CommandStage,
  commandEvent,
  type Role,
  type UpstreamError,
} from "@pca/contracts";
import type { AuditLog, NewAuditEvent } from "../core/audit-port";
import type { UpstreamFailure } from "../upstream/port";
import type { CommandContext, EventBody } from "./command";

/** The audit outcome each stage is recorded with. */
const OUTCOME: Readonly<Record<CommandStage, AuditOutcome>> = {
  requested: "success",
  succeeded: "success",
  reconciled: "success",
  failed: "failure",
  refused: "failure",
  unknown: "unknown",
};

/** Whom an attempt's events are recorded for: the caller, their HTTP request and the attempt. */
export interface Attribution {
  readonly username: string;
  readonly role: Role | null;
  readonly via: string | null;
  readonly requestId: string | null;
  readonly attemptId: string;
}

/**
 * One stage of an attempt as an audit event: who, which request, which attempt (`details.attempt`,
 * which ties the stages together) and how the caller signed in (`details.via`).
 */
export function attemptEvent(
  who: Attribution,
  command: CommandAction,
  stage: CommandStage,
  body: EventBody,
  upstreamRequestId: string | null = null,
): NewAuditEvent {
  return {
    actor: who.username,
    role: who.role,
    action: commandEvent(command, stage),
    target: body.target,
    outcome: OUTCOME[stage],
    requestId: who.requestId,
    upstreamRequestId,
    details: { attempt: who.attemptId, via: who.via, ...body.details },
  };
}

/** One stage of a running command, recorded for its caller. */
export function stageEvent(
  ctx: CommandContext,
  command: CommandAction,
  stage: CommandStage,
  body: EventBody,
  upstreamRequestId: string | null = null,
): NewAuditEvent {
  const { username, role, via } = ctx.actor;
  const who = { username, role, via, requestId: ctx.requestId, attemptId: ctx.attemptId };
  return attemptEvent(who, command, stage, body, upstreamRequestId);
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

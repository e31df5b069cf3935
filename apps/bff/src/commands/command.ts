import type { CommandAction } from "@pca/contracts";
import type { Actor } from "../core/actor";
import type { UpstreamFailure, UpstreamResult } from "../upstream/port";

/**
 * A state-changing command as the runner (run-command.ts) executes it. A command declares what it
 * checks, what it asks of CCM and how to find out afterwards whether CCM did it; the runner owns the
 * order and the guarantees every command shares:
 *
 * 1. `prepare`: schema, policy and the reads it needs (all safe to repeat). A refusal is audited as
 *    `<action>.refused` and nothing is sent.
 * 2. `<action>.requested` is appended before anything is sent; when it cannot be stored, nothing is
 *    sent (the audit fails closed).
 * 3. `send`: exactly one upstream call, never retried automatically.
 * 4. `<action>.succeeded` or `<action>.failed`; when CCM's answer was lost (a reset or a timeout
 *    after the request left), `<action>.unknown`, then `reconcile` (reads only) decides:
 *    `<action>.reconciled` (it happened), `<action>.failed` (it did not), or the outcome stays unknown.
 * 5. After a crash, recovery (recovery/recover-attempts.ts) settles every `requested` that never
 *    ended with the command's `recovery` part, and the Idempotency-Keys waiting on them.
 */
export interface CommandDefinition<Prepared, Body, Requested = unknown> {
  /** The audit action prefix, e.g. `certificate.issue`: events are `<action>.requested` and so on. */
  readonly action: CommandAction;
  /** Everything checked and read before anything changes. */
  prepare(input: unknown, ctx: CommandContext): Promise<Preparation<Prepared>>;
  /** Target and details of the `requested` event: what is asked, and what recovery needs later. */
  requested(p: Prepared): EventBody;
  /** The one upstream call that changes state. */
  send(p: Prepared): Promise<UpstreamResult<unknown>>;
  /** CCM said yes: the `succeeded` event and the answer. */
  succeeded(p: Prepared, value: unknown, upstreamRequestId: string | null): Settled<Body>;
  /** The target of the `failed` and `unknown` events. */
  target(p: Prepared): string | null;
  /** CCM's answer was lost: look for the effect (reads only; never repeats the write). */
  reconcile(p: Prepared, sentAt: number): Promise<Reconciliation<Body>>;
  /** How interrupted attempts of this command are settled after a crash. */
  readonly recovery?: CommandRecovery<Requested>;
}

/** One run of a command as the audit log sees it: who, which HTTP request, which attempt. */
export interface CommandContext {
  readonly actor: Actor;
  readonly requestId: string;
  /** Ties requested → succeeded / failed / unknown → reconciled together. */
  readonly attemptId: string;
}

/** What an event adds to the fields every event has. */
export interface EventBody {
  readonly target: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A command that ended well: the event recording it and the body of the answer. */
export interface Settled<Body> extends EventBody {
  readonly status: number;
  readonly body: Body;
}

/** What `prepare` found: the checked command, or why it stops here. */
export type Preparation<Prepared> =
  | { readonly ok: true; readonly value: Prepared }
  | { readonly ok: false; readonly refusal: Refusal };

/** A command stopped before anything was sent. */
export interface Refusal {
  readonly error: UpstreamFailure;
  readonly target: string | null;
  /**
   * false when nothing happened for a passing reason (CCM or the audit log could not be reached
   * before the attempt), so a retry with the same Idempotency-Key may still succeed.
   */
  readonly final: boolean;
}

/** What a look for a lost answer's effect found. */
export type Reconciliation<Body> =
  | ({ readonly kind: "found" } & Settled<Body>)
  /** It did not happen; `reason` is a clause ("no certificate … was found"), `details` go to the event. */
  | {
      readonly kind: "absent";
      readonly reason: string;
      readonly details: Readonly<Record<string, unknown>>;
    }
  /** CCM could not be asked, or cannot tell (a clause: "could not be searched …"): it stays unknown. */
  | { readonly kind: "undecidable"; readonly reason: string };

/** The end of one run: the answer's body, or a coded failure with the stage it stopped at. */
export type CommandOutcome<Body> =
  | { readonly ok: true; readonly status: number; readonly value: Body }
  | {
      readonly ok: false;
      readonly error: UpstreamFailure;
      /** Whether the answer may be replayed for the same Idempotency-Key. */
      readonly final: boolean;
      /** refused: nothing was sent; failed: CCM did not do it; unknown: it may have. */
      readonly stage: "refused" | "failed" | "unknown";
    };

/** A `requested` event read back from the audit log by recovery. */
export interface RequestedAttempt<Requested = unknown> {
  readonly attemptId: string;
  readonly seq: number;
  readonly time: number;
  readonly actor: string;
  readonly role: string | null;
  readonly requestId: string | null;
  readonly via: string | null;
  /** The command's own reading of the event's details. */
  readonly request: Requested;
  /** An `unknown` event was written (CCM's answer was lost; a reconciliation may have failed). */
  readonly unknown: boolean;
}

/** How an attempt ended, from its last word in the audit log. */
export interface Settlement {
  readonly action: "succeeded" | "failed" | "reconciled" | "refused" | "unknown";
  readonly target: string | null;
  readonly upstreamRequestId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** What recovery decided for one interrupted attempt. */
export type Recovered =
  | ({ readonly kind: "reconciled" } & EventBody)
  | ({ readonly kind: "failed" } & EventBody)
  | ({ readonly kind: "unknown" } & EventBody)
  /** Not decided now (CCM could not be searched): left for the next run. */
  | { readonly kind: "pending" };

/** The part of a command that settles its attempts after a crash. */
export interface CommandRecovery<Requested> {
  /** Reads a `requested` event's details back; null when they are not this command's. */
  parseRequested(details: unknown): Requested | null;
  /** Whether an `unknown` event ends the attempt (its effect can never be looked for). */
  unknownIsFinal(request: Requested): boolean;
  /** Looks for the effects of interrupted attempts, all at once (reads only). */
  recover(
    open: readonly RequestedAttempt<Requested>[],
    context: { readonly linkedTargets: ReadonlySet<string> },
  ): Promise<ReadonlyMap<string, Recovered>>;
  /**
   * The answer a retry of the attempt's Idempotency-Key gets: a stored answer, "release" (nothing
   * happened: a retry really runs) or "open" (not settled yet).
   */
  answer(
    request: Requested | undefined,
    settled: Settlement | undefined,
  ): { readonly status: number; readonly body: unknown } | "release" | "open";
}

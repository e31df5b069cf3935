import { createHash } from "node:crypto";
import type { Failure } from "@pca/contracts";
import { canonicalJson } from "../core/canonical-json";

/** The answer a request got, kept so that a repeat with the same key gets it again. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type Claim =
  | { readonly kind: "claimed" }
  | { readonly kind: "replay"; readonly answer: StoredAnswer }
  | { readonly kind: "in-flight" }
  | { readonly kind: "mismatch" };

/** Who used which key for which request body. Keys are scoped per actor. */
export interface IdempotencyScope {
  readonly actor: string;
  readonly key: string;
  readonly requestHash: string;
  /** The issuance attempt the request starts, kept with the key so recovery can settle it. */
  readonly attemptId?: string;
}

/**
 * Idempotency-Key records, shared by every replica (the database's idempotency_keys table). `claim`
 * is atomic: of concurrent claims of one (actor, key) exactly one gets "claimed".
 */
export interface IdempotencyStore {
  claim(scope: IdempotencyScope, now: number): Promise<Claim>;
  complete(scope: IdempotencyScope, answer: StoredAnswer, now: number): Promise<void>;
  /** Forgets a claimed key whose request ended without a replayable answer. */
  release(scope: IdempotencyScope): Promise<void>;
}

/** How long a key is remembered (the IETF draft leaves it to the server; Stripe uses 24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** SHA-256 of the body's canonical JSON (RFC 8785), so member order and spacing do not matter. */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

export type IdempotentRun =
  | { readonly kind: "answer"; readonly answer: StoredAnswer; readonly replayed: boolean }
  | { readonly kind: "refused"; readonly error: Failure };

/**
 * Runs a request at most once per (actor, key), as the IETF Idempotency-Key draft describes: a
 * repeat gets the first answer (same status and body); a repeat while the first is still running
 * is refused with IDEMPOTENCY_KEY_IN_USE (409); the same key with another body with
 * IDEMPOTENCY_KEY_REUSED (422). `run` says whether its answer is final; a non-final answer (nothing
 * was attempted) releases the key so the client may retry with it. A store failure after the run
 * does not change the answer (it is reported to `onStoreError`).
 */
export async function runIdempotent(
  store: IdempotencyStore,
  scope: IdempotencyScope,
  now: () => number,
  run: () => Promise<{ answer: StoredAnswer; final: boolean }>,
  onStoreError?: (cause: unknown) => void,
): Promise<IdempotentRun> {
  const claim = await store.claim(scope, now());
  switch (claim.kind) {
    case "replay":
      return { kind: "answer", answer: claim.answer, replayed: true };
    case "in-flight":
      return {
        kind: "refused",
        error: {
          code: "IDEMPOTENCY_KEY_IN_USE",
          message: "A request with this Idempotency-Key is still being processed; wait for it, then repeat.",
        },
      };
    case "mismatch":
      return {
        kind: "refused",
        error: {
          code: "IDEMPOTENCY_KEY_REUSED",
          message: "This Idempotency-Key was already used with a different request body; use a new key.",
        },
      };
    case "claimed":
      break;
  }
  let outcome: { answer: StoredAnswer; final: boolean };
  try {
    outcome = await run();
  } catch (cause) {
    await store.release(scope);
    throw cause;
  }
  try {
    if (outcome.final) await store.complete(scope, outcome.answer, now());
    else await store.release(scope);
  } catch (cause) {
    // The request already happened (perhaps a certificate was issued): its answer stands. The key
    // stays in flight until it expires, so a repeat gets 409 rather than a second issuance.
    onStoreError?.(cause);
  }
  return { kind: "answer", answer: outcome.answer, replayed: false };
}

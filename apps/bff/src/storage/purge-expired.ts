import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import type { Database } from "./schema";

export interface PurgeCounts {
  readonly sessions: number;
  readonly idempotencyKeys: number;
  readonly loginAttempts: number;
}

/** How long an expired session is kept, so its cookie keeps getting SESSION_EXPIRED. */
export const EXPIRED_SESSION_GRACE_MS = 24 * 60 * 60_000;

/**
 * Deletes rows that can no longer matter: sessions expired over a day ago, finished idempotency keys past their
 * expiry (in-flight ones are left for reconciliation), and login counters whose window and lock
 * are over. Safe on several replicas at once: each delete is one idempotent statement.
 */
export async function purgeExpired(
  db: Kysely<Database>,
  clock: Clock,
  loginWindowMs: number,
): Promise<PurgeCounts> {
  const now = clock.now();
  const staleBefore = now - EXPIRED_SESSION_GRACE_MS;
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([eb("idle_expires_at", "<=", staleBefore), eb("absolute_expires_at", "<=", staleBefore)]),
    )
    .executeTakeFirst();
  const keys = await db
    .deleteFrom("idempotency_keys")
    .where("state", "=", "done")
    .where("expires_at", "<", now)
    .executeTakeFirst();
  const attempts = await db
    .deleteFrom("login_attempts")
    .where("window_started_at", "<", now - loginWindowMs)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    idempotencyKeys: Number(keys.numDeletedRows),
    loginAttempts: Number(attempts.numDeletedRows),
  };
}

/** Runs `purgeExpired` every `everyMs` (unref'd, so it never holds the process open); returns a stop function. */
export function schedulePurge(
  run: () => Promise<unknown>,
  everyMs: number,
  onError: (e: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    run().catch(onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

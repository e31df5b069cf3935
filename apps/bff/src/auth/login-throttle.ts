import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import type { Database } from "../storage/schema";

export interface ThrottlePolicy {
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerIp: number;
  readonly windowMs: number;
  readonly lockoutMs: number;
}

type Scope = "user" | "ip";

/** Whether a login may be tried now; when not, which limit holds and for how long. */
export type ThrottleVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly scope: Scope; readonly retryAfterMs: number };

/**
 * Failed-login counters per user name and per client address, in the database so every replica
 * sees them. `limit` failures within the window lock the subject for the lockout time; a success
 * clears the user's counter (not the address's, so one good password does not reset an attack).
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy,
  ) {}

  async check(username: string, ip: string): Promise<ThrottleVerdict> {
    const now = this.clock.now();
    const rows = await this.db
      .selectFrom("login_attempts")
      .select(["scope", "locked_until"])
      .where((eb) =>
        eb.or([
          eb.and([eb("scope", "=", "user"), eb("subject", "=", username)]),
          eb.and([eb("scope", "=", "ip"), eb("subject", "=", ip)]),
        ]),
      )
      .execute();
    for (const scope of ["ip", "user"] as const) {
      const until = rows.find((r) => r.scope === scope)?.locked_until ?? null;
      if (until !== null && until > now) return { allowed: false, scope, retryAfterMs: until - now };
    }
    return { allowed: true };
  }

  /** Counts a failure against the user name and the address; returns the scopes that just locked. */
  async recordFailure(username: string, ip: string): Promise<Scope[]> {
    const locked: Scope[] = [];
    if (await this.bump("user", username, this.policy.maxFailuresPerUser)) locked.push("user");
    if (await this.bump("ip", ip, this.policy.maxFailuresPerIp)) locked.push("ip");
    return locked;
  }

  async recordSuccess(username: string): Promise<void> {
    await this.db
      .deleteFrom("login_attempts")
      .where("scope", "=", "user")
      .where("subject", "=", username)
      .execute();
  }

  private async bump(scope: Scope, subject: string, limit: number): Promise<boolean> {
    const now = this.clock.now();
    const windowStart = now - this.policy.windowMs;
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("login_attempts")
        .values({ scope, subject, failures: 0, window_started_at: now, locked_until: null })
        .onConflict((oc) => oc.columns(["scope", "subject"]).doNothing())
        .execute();
      // Restart a stale window, then count atomically (UPDATE … SET failures = failures + 1).
      await trx
        .updateTable("login_attempts")
        .set({ failures: 0, window_started_at: now })
        .where("scope", "=", scope)
        .where("subject", "=", subject)
        .where("window_started_at", "<", windowStart)
        .execute();
      const row = await trx
        .updateTable("login_attempts")
        .set((eb) => ({ failures: eb("failures", "+", 1) }))
        .where("scope", "=", scope)
        .where("subject", "=", subject)
        .returning(["failures"])
        .executeTakeFirstOrThrow();
      if (row.failures < limit) return false;
      await trx
        .updateTable("login_attempts")
        .set({ locked_until: now + this.policy.lockoutMs, failures: 0, window_started_at: now })
        .where("scope", "=", scope)
        .where("subject", "=", subject)
        .execute();
      return true;
    });
  }
}

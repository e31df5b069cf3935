import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import type { Database, SessionRow } from "../storage/schema";
import { randomSecret, sha256Hex } from "./secrets";
import { ACCOUNT_COLUMNS, type AccountState, splitAccount } from "./users";

export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** A session as its holder sees it: the cookie value and the CSRF token are never stored. */
export interface IssuedSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly idleExpiresAt: number;
  readonly absoluteExpiresAt: number;
}

export type SessionLookup =
  | {
      readonly ok: true;
      readonly row: SessionRow;
      readonly csrfToken: string;
      /** The session's user now; undefined when the user no longer exists. */
      readonly user: AccountState | undefined;
    }
  | { readonly ok: false; readonly reason: "unknown" | "expired" };

/**
 * The CSRF token of a session, derived from its id: the database holds only SHA-256(id), so a
 * database reader can compute neither; the holder of the cookie can always be given it again.
 */
export function csrfTokenFor(sessionId: string): string {
  return Buffer.from(sha256Hex(`pca-csrf:${sessionId}`), "hex").toString("base64url");
}

/** Server-side sessions with idle and absolute expiry. */
export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {}

  /** A new session for the user: 256 random bits, stored as their SHA-256. */
  async create(username: string): Promise<IssuedSession> {
    const id = randomSecret(32);
    const now = this.clock.now();
    const row: SessionRow = {
      id_hash: sha256Hex(id),
      username,
      created_at: now,
      last_seen_at: now,
      idle_expires_at: Math.min(now + this.policy.idleMs, now + this.policy.absoluteMs),
      absolute_expires_at: now + this.policy.absoluteMs,
    };
    await this.db.insertInto("sessions").values(row).execute();
    return {
      id,
      csrfToken: csrfTokenFor(id),
      idleExpiresAt: row.idle_expires_at,
      absoluteExpiresAt: row.absolute_expires_at,
    };
  }

  /** Finds a live session and extends its idle expiry. */
  async resolve(sessionId: string): Promise<SessionLookup> {
    const idHash = sha256Hex(sessionId);
    const joined = await this.db
      .selectFrom("sessions")
      .leftJoin("users", "users.username", "sessions.username")
      .selectAll("sessions")
      .select(ACCOUNT_COLUMNS)
      .where("sessions.id_hash", "=", idHash)
      .executeTakeFirst();
    if (!joined) return { ok: false, reason: "unknown" };
    const { row, account: user } = splitAccount(joined);
    const now = this.clock.now();
    // Expired rows stay until purgeExpired removes them a day later, so the answer stays
    // SESSION_EXPIRED (not UNAUTHENTICATED) for every request the stale cookie makes meanwhile.
    if (now >= row.idle_expires_at || now >= row.absolute_expires_at) return { ok: false, reason: "expired" };
    const idle = Math.min(now + this.policy.idleMs, row.absolute_expires_at);
    // Writing on every request would make each read a write; a minute's slack is invisible.
    if (idle - row.idle_expires_at > 60_000 || now - row.last_seen_at > 60_000) {
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: now, idle_expires_at: idle })
        .where("id_hash", "=", idHash)
        .execute();
      return {
        ok: true,
        row: { ...row, last_seen_at: now, idle_expires_at: idle },
        csrfToken: csrfTokenFor(sessionId),
        user,
      };
    }
    return { ok: true, row, csrfToken: csrfTokenFor(sessionId), user };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", sha256Hex(sessionId)).execute();
  }

  /** Ends the session with this stored hash (logout, where only the hash is at hand). */
  async destroyByHash(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }

  /** Ends every session of a user (password change, disable, role change). */
  async destroyAllOf(username: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("username", "=", username).execute();
  }
}

import type { ApiToken, Role } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import type { ApiTokenRow, Database } from "../storage/schema";
import { randomSecret, sha256Hex } from "./secrets";
import { ACCOUNT_COLUMNS, type AccountState, splitAccount } from "./users";

/** Every API token secret starts with this, so secret scanners and log redaction can spot one. */
export const TOKEN_PREFIX = "pca_";
const DAY_MS = 86_400_000;

/** Maps a stored token to the contract's shape (never the secret or its hash). */
export function presentToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    owner: row.owner,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export type TokenLookup =
  | {
      readonly ok: true;
      readonly row: ApiTokenRow;
      /** The token's owner now; undefined when the owner no longer exists. */
      readonly owner: AccountState | undefined;
    }
  | { readonly ok: false; readonly reason: "unknown" | "revoked" | "expired" };

/** API tokens for scripts: `pca_` + 256 random bits, stored as SHA-256, each scoped to a role. */
export class ApiTokenStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Creates a token; the returned secret is the only copy there will ever be. */
  async create(input: {
    name: string;
    role: Role;
    owner: string;
    expiresInDays?: number | undefined;
  }): Promise<{ row: ApiTokenRow; secret: string }> {
    const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
    const now = this.clock.now();
    const row: ApiTokenRow = {
      id: randomSecret(12),
      name: input.name,
      role: input.role,
      owner: input.owner,
      secret_hash: sha256Hex(secret),
      created_at: now,
      expires_at: input.expiresInDays === undefined ? null : now + input.expiresInDays * DAY_MS,
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto("api_tokens").values(row).execute();
    return { row, secret };
  }

  list(): Promise<ApiTokenRow[]> {
    return this.db.selectFrom("api_tokens").selectAll().orderBy("created_at", "desc").orderBy("id").execute();
  }

  find(id: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Revokes a token; resolves the row (already revoked ones unchanged), undefined when unknown. */
  async revoke(id: string): Promise<ApiTokenRow | undefined> {
    await this.db
      .updateTable("api_tokens")
      .set({ revoked_at: this.clock.now() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
    return this.find(id);
  }

  /** Finds the token of a presented secret and records its use. */
  async resolve(secret: string): Promise<TokenLookup> {
    if (!secret.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "unknown" };
    const joined = await this.db
      .selectFrom("api_tokens")
      .leftJoin("users", "users.username", "api_tokens.owner")
      .selectAll("api_tokens")
      .select(ACCOUNT_COLUMNS)
      .where("api_tokens.secret_hash", "=", sha256Hex(secret))
      .executeTakeFirst();
    if (!joined) return { ok: false, reason: "unknown" };
    const { row, account: owner } = splitAccount(joined);
    if (row.revoked_at !== null) return { ok: false, reason: "revoked" };
    const now = this.clock.now();
    if (row.expires_at !== null && now >= row.expires_at) return { ok: false, reason: "expired" };
    if (row.last_used_at === null || now - row.last_used_at > 60_000) {
      await this.db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.id).execute();
      return { ok: true, row: { ...row, last_used_at: now }, owner };
    }
    return { ok: true, row, owner };
  }
}

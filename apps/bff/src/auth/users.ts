import type { Role, User } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import type { Database, UserRow } from "../storage/schema";
import { hashPassword } from "./passwords";

/** Maps a stored user to the contract's shape (never the password hash). */
export function presentUser(row: UserRow): User {
  return {
    username: row.username,
    role: row.role as Role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

export interface UserChanges {
  readonly role?: Role | undefined;
  readonly password?: string | undefined;
  readonly disabled?: boolean | undefined;
}

/** The local users: argon2id password hashes, a role, a disabled flag. */
/**
 * The user behind a session or an API token, as authentication needs it: read in the same query
 * as the credential (a join), so identifying a caller is one round trip to the database.
 */
export interface AccountState {
  readonly username: string;
  readonly role: string;
  readonly disabled: number;
}

/** The users columns a credential lookup selects beside its own (left join on the user name). */
export const ACCOUNT_COLUMNS = [
  "users.username as account_username",
  "users.role as account_role",
  "users.disabled as account_disabled",
] as const;

interface AccountColumns {
  readonly account_username: string | null;
  readonly account_role: string | null;
  readonly account_disabled: number | null;
}

/** Splits a credential row joined with ACCOUNT_COLUMNS into the credential and its account. */
export function splitAccount<T extends AccountColumns>(
  joined: T,
): { row: Omit<T, keyof AccountColumns>; account: AccountState | undefined } {
  const { account_username, account_role, account_disabled, ...row } = joined;
  const account =
    account_username === null || account_role === null || account_disabled === null
      ? undefined
      : { username: account_username, role: account_role, disabled: account_disabled };
  return { row, account };
}

export class UserStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  find(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
  }

  list(): Promise<UserRow[]> {
    return this.db.selectFrom("users").selectAll().orderBy("username").execute();
  }

  /** Creates a user; resolves undefined when the name is taken (also when a concurrent create won). */
  async create(username: string, password: string, role: Role): Promise<UserRow | undefined> {
    const now = this.clock.now();
    const row: UserRow = {
      username,
      role,
      password_hash: await hashPassword(password),
      disabled: 0,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    };
    const result = await this.db
      .insertInto("users")
      .values(row)
      .onConflict((oc) => oc.column("username").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? row : undefined;
  }

  /** Applies the changes; resolves the updated row, or undefined when there is no such user. */
  async update(username: string, changes: UserChanges): Promise<UserRow | undefined> {
    const set: Partial<UserRow> = { updated_at: this.clock.now() };
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
    if (changes.password !== undefined) set.password_hash = await hashPassword(changes.password);
    const result = await this.db
      .updateTable("users")
      .set(set)
      .where("username", "=", username)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return this.find(username);
  }

  async recordLogin(username: string): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ last_login_at: this.clock.now() })
      .where("username", "=", username)
      .execute();
  }
}

import type { ColumnType, Selectable } from "kysely";

/**
 * The console's tables as kysely sees them. Times are milliseconds since the epoch (bigint in
 * PostgreSQL, read back as numbers); booleans are 0/1 integers so both engines agree.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  rate_limit_windows: RateLimitWindowsTable;
}

export interface UsersTable {
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
}

/** A session is found by the SHA-256 of its cookie value; the value itself is never stored. */
export interface SessionsTable {
  id_hash: string;
  username: string;
  created_at: number;
  last_seen_at: number;
  idle_expires_at: number;
  absolute_expires_at: number;
}

/** An API token is found by the SHA-256 of its secret (`pca_…`), shown once at creation. */
export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  owner: string;
  secret_hash: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Failed-login counters: `scope` is "user" or "ip", `subject` the user name or client address. */
export interface LoginAttemptsTable {
  scope: string;
  subject: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

/**
 * Idempotency-Key records for POST /api/certificates (owned by src/issuance/). Primary key is
 * (actor, key). Insert with `state = 'in_flight'` and ON CONFLICT DO NOTHING to claim a key; a
 * claimed key with another `request_hash` is 422, an `in_flight` one 409, a `done` one replays
 * `status_code` + `response_body` (JSON text). Rows past `expires_at` may be deleted.
 */
export interface IdempotencyKeysTable {
  key: string;
  actor: string;
  request_hash: string;
  state: "in_flight" | "done";
  status_code: number | null;
  response_body: string | null;
  created_at: number;
  expires_at: number;
  /** The issuance attempt this key started (its audit events' `attempt`); set when claimed. */
  attempt_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditEventsTable {
  seq: number;
  time: number;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  request_id: string | null;
  upstream_request_id: string | null;
  /** The details as canonical JSON (core/canonical-json.ts), exactly the text the hash covers. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row (id 1): the chain's last seq and hash. Appends lock it, so the chain is serial. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** One fixed window of a rate limit: `hits` requests in `bucket` since `window_start` (ms). */
export interface RateLimitWindowsTable {
  bucket: string;
  window_start: number;
  hits: number;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

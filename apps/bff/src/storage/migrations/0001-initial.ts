import { type Kysely, sql } from "kysely";

/** Users, sessions, API tokens, login counters, idempotency keys and the audit chain. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("username", "varchar(64)", (c) => c.primaryKey())
    .addColumn("role", "varchar(16)", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("last_login_at", "bigint")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "varchar(64)", (c) => c.primaryKey())
    .addColumn("username", "varchar(64)", (c) => c.notNull().references("users.username").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("idle_expires_at", "bigint", (c) => c.notNull())
    .addColumn("absolute_expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_username").on("sessions").column("username").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("name", "varchar(64)", (c) => c.notNull())
    .addColumn("role", "varchar(16)", (c) => c.notNull())
    .addColumn("owner", "varchar(64)", (c) => c.notNull().references("users.username"))
    .addColumn("secret_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint")
    .addColumn("last_used_at", "bigint")
    .addColumn("revoked_at", "bigint")
    .execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("scope", "varchar(8)", (c) => c.notNull())
    .addColumn("subject", "varchar(128)", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "bigint", (c) => c.notNull())
    .addColumn("locked_until", "bigint")
    .addPrimaryKeyConstraint("login_attempts_pk", ["scope", "subject"])
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "varchar(128)", (c) => c.notNull())
    .addColumn("actor", "varchar(64)", (c) => c.notNull())
    .addColumn("request_hash", "varchar(64)", (c) => c.notNull())
    .addColumn("state", "varchar(16)", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("response_body", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["actor", "key"])
    .execute();
  await db.schema
    .createIndex("idempotency_keys_expires")
    .on("idempotency_keys")
    .column("expires_at")
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("time", "bigint", (c) => c.notNull())
    .addColumn("actor", "varchar(64)", (c) => c.notNull())
    .addColumn("role", "varchar(16)")
    .addColumn("action", "varchar(64)", (c) => c.notNull())
    .addColumn("target", "varchar(256)")
    .addColumn("outcome", "varchar(16)", (c) => c.notNull())
    .addColumn("request_id", "varchar(128)")
    .addColumn("upstream_request_id", "varchar(128)")
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("prev_hash", "varchar(64)", (c) => c.notNull())
    .addColumn("hash", "varchar(64)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_events_time").on("audit_events").column("time").execute();
  await db.schema.createIndex("audit_events_actor").on("audit_events").columns(["actor", "seq"]).execute();

  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "varchar(64)", (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${"0".repeat(64)})`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("The console's migrations are forward-only.");
}

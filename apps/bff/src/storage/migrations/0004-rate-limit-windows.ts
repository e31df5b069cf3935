import type { Kysely } from "kysely";

/** Fixed-window request counters shared by every replica (http/db-rate-limit-store.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limit_windows")
    .addColumn("bucket", "varchar(160)", (c) => c.primaryKey())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("The console's migrations are forward-only.");
}

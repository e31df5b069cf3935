import type { Kysely } from "kysely";

/**
 * Links an Idempotency-Key to the issuance attempt it started (the `attempt` of its audit events),
 * so that after a crash the attempt's reconciled outcome can settle the key (issuance/recovery/).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("idempotency_keys").addColumn("attempt_id", "varchar(64)").execute();
  await db.schema
    .createIndex("idempotency_keys_attempt")
    .on("idempotency_keys")
    .column("attempt_id")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("The console's migrations are forward-only.");
}

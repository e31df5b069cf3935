import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Makes audit_events append-only inside the database too: UPDATE and DELETE raise. Someone with
 * the database's owner rights can still drop the triggers; the hash chain is what detects that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit events are append-only'; end $$`.execute(db);
    await sql`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    return;
  }
  await sql`create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, 'audit events are append-only'); end`.execute(db);
  await sql`create trigger audit_events_no_delete before delete on audit_events
    begin select raise(abort, 'audit events are append-only'); end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("The console's migrations are forward-only.");
}

import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as initial from "./migrations/0001-initial";
import * as auditAppendOnly from "./migrations/0002-audit-append-only";
import * as idempotencyAttempt from "./migrations/0003-idempotency-attempt";
import * as rateLimitWindows from "./migrations/0004-rate-limit-windows";
import type { Database } from "./schema";

/** The migrations in order; listed here (not read from disk) so they run the same under tsx and tests. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-audit-append-only": auditAppendOnly,
  "0003-idempotency-attempt": idempotencyAttempt,
  "0004-rate-limit-windows": rateLimitWindows,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Brings the schema up to date. Kysely's migrator takes a lock (an advisory lock on PostgreSQL),
 * so two replicas starting at once migrate once. Throws when a migration fails.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("A database migration failed.");
}

import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, type PostgresPool, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "./migrate";
import type { Database } from "./schema";

export type SqlDialectName = "sqlite" | "postgres";

/** The console's database: one kysely over SQLite or PostgreSQL, migrated. */
export interface Storage {
  readonly kysely: Kysely<Database>;
  readonly dialect: SqlDialectName;
  /**
   * SQLite only: the file's better-sqlite3 handle, for hot paths that run a few statements
   * synchronously. Use it only inside `kysely.connection().execute(…)`, which holds kysely's one
   * SQLite connection, so no kysely transaction is open around those statements.
   */
  readonly sqlite?: SqliteDatabase.Database;
  /** Runs a trivial query; rejects when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** `postgres://…`: PostgreSQL; otherwise SQLite at `<dataDir>/console.db`. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly poolSize?: number;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** pg returns bigint as text; our bigints are epoch ms and sequence numbers, all safe integers. */
const pgTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function sqliteKysely(dataDir: string): { kysely: Kysely<Database>; file: SqliteDatabase.Database } {
  mkdirSync(dataDir, { recursive: true });
  const file = new SqliteDatabase(join(dataDir, "console.db"));
  file.pragma("journal_mode = WAL");
  file.pragma("synchronous = NORMAL");
  file.pragma("foreign_keys = ON");
  file.pragma("busy_timeout = 5000");
  // A checkpoint (copy the WAL back, fsync) every 10 000 pages (~40 MB of WAL) instead of 1000: the
  // pages every issuance rewrites (the audit head, index tails) are copied once per checkpoint, and
  // the few-ms pauses of the committing request come a tenth as often (added p50 1.86 → 1.78 ms).
  file.pragma("wal_autocheckpoint = 10000");
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return { kysely, file };
}

/**
 * kysely's SQLite driver prepares every statement on every execution, which showed as 4% of the
 * BFF's CPU under load. Statements are reusable in better-sqlite3 and the driver runs one query
 * at a time on its single connection, so one prepared statement per SQL text is safe; the cache is
 * bounded because some queries (IN lists) vary their text.
 */
export function withStatementCache(
  file: SqliteDatabase.Database,
  max = 512,
): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit) return hit;
      const statement = file.prepare(text);
      if (cache.size >= max) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(text, statement);
      return statement;
    },
    close: () => {
      cache.clear();
      file.close();
    },
  };
}

/**
 * Names the statements kysely sends, so each pooled connection has PostgreSQL parse and plan a
 * query text once and then only binds and executes it (the extended protocol's prepared
 * statements; pg keeps the name-to-text map per connection). A text is named from its second use,
 * and at most `max` texts are, because PostgreSQL keeps every named statement until the
 * connection closes and a few queries vary their text (IN lists).
 */
export function preparedStatementNames(max = 256): (text: string) => string | undefined {
  const seen = new Set<string>();
  const named = new Map<string, string>();
  return (text) => {
    const name = named.get(text);
    if (name !== undefined) return name;
    if (!seen.has(text)) {
      if (seen.size < max * 4) seen.add(text);
      return undefined;
    }
    if (named.size >= max) return undefined;
    const fresh = `pca_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    named.set(text, fresh);
    return fresh;
  };
}

function postgresKysely(url: string, poolSize: number): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const nameOf = preparedStatementNames();
  const prepared = {
    async connect() {
      const client = await pool.connect();
      return {
        query: (text: string, values: unknown[]) => {
          const name = nameOf(text);
          return name === undefined ? client.query(text, values) : client.query({ name, text, values });
        },
        release: (destroy?: boolean | Error) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
  // Only kysely's `query(text, values)` is used (no cursors), so this stands in for pg's pool.
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: prepared as unknown as PostgresPool }),
  });
}

/** Opens the configured database and runs the migrations; rejects when either fails. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const dialect: SqlDialectName = options.databaseUrl ? "postgres" : "sqlite";
  const { kysely, file } =
    options.databaseUrl !== undefined
      ? { kysely: postgresKysely(options.databaseUrl, options.poolSize ?? 10), file: undefined }
      : sqliteKysely(options.dataDir);
  try {
    await migrateToLatest(kysely);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  return {
    kysely,
    dialect,
    ...(file ? { sqlite: file } : {}),
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}

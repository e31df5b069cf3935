import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

/**
 * The emulator's schema. Private keys sit here as PKCS#8 DER: this is a test double, not a CA.
 * `listed = 0` marks the results of CreateCertificateByCsr with INTERMEDIATE_CA, which CCM keeps
 * out of the CA list and the CA quota.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS cas (
  ca_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  path_length INTEGER NOT NULL,
  issuer_id TEXT REFERENCES cas(ca_id),
  key_algorithm TEXT NOT NULL,
  signature_algorithm TEXT NOT NULL,
  gen_mode TEXT NOT NULL,
  serial_number TEXT,
  create_time INTEGER NOT NULL,
  delete_time INTEGER,
  not_before INTEGER,
  not_after INTEGER,
  common_name TEXT,
  country TEXT,
  state TEXT,
  locality TEXT,
  organization TEXT,
  organizational_unit TEXT,
  certificate_pem TEXT,
  csr_pem TEXT,
  private_key_pkcs8 BLOB,
  listed INTEGER NOT NULL DEFAULT 1,
  enterprise_project_id TEXT NOT NULL DEFAULT '0',
  free_quota INTEGER NOT NULL DEFAULT 0,
  charging_mode INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS certificates (
  certificate_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  issuer_id TEXT NOT NULL REFERENCES cas(ca_id),
  key_algorithm TEXT NOT NULL,
  signature_algorithm TEXT NOT NULL,
  gen_mode TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  delete_time INTEGER,
  not_before INTEGER NOT NULL,
  not_after INTEGER NOT NULL,
  common_name TEXT,
  country TEXT,
  state TEXT,
  locality TEXT,
  organization TEXT,
  organizational_unit TEXT,
  certificate_pem TEXT NOT NULL,
  enterprise_project_id TEXT NOT NULL DEFAULT '0'
);
CREATE INDEX IF NOT EXISTS certificates_create_time ON certificates(create_time);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Opens (and creates) the database: a file in WAL mode, or ":memory:". */
export function openDb(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);
  return db;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per database and SQL text (issuance is a hot path). */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** Reads a value of the meta table. */
export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value;
}

/** Writes a value of the meta table. */
export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(key, value);
}

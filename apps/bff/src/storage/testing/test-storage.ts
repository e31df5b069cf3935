import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openStorage, type SqlDialectName, type Storage } from "../storage";

/** The engines this run tests against: SQLite always, PostgreSQL unless PCA_TEST_POSTGRES=0. */
export function testEngines(): SqlDialectName[] {
  return inject("pcaPostgresUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A test database, thrown away by `close()`. `url` is set for PostgreSQL (a second replica can open it). */
export interface TestStorage extends Storage {
  readonly url: string | undefined;
  readonly dataDir: string;
}

let counter = 0;

/**
 * A fresh, migrated database on the given engine: a temp folder for SQLite, a new database in the
 * run's PostgreSQL cluster (see global-setup.ts) for PostgreSQL. Each call gets its own, so test
 * files and tests never share state.
 */
export async function createTestStorage(engine: SqlDialectName): Promise<TestStorage> {
  const dataDir = mkdtempSync(join(tmpdir(), "pca-bff-test-"));
  let url: string | undefined;
  let dropDatabase = async () => undefined;
  if (engine === "postgres") {
    const admin = inject("pcaPostgresUrl");
    if (!admin) throw new Error("PostgreSQL tests need the bff project's globalSetup.");
    counter += 1;
    const name = `pca_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
    await withAdmin(admin, (client) => client.query(`create database ${name}`));
    url = admin.replace("/postgres?", `/${name}?`);
    dropDatabase = async () => {
      await withAdmin(admin, (client) => client.query(`drop database if exists ${name} with (force)`));
    };
  }
  const storage = await openStorage({ databaseUrl: url, dataDir, poolSize: 5 });
  return {
    ...storage,
    url,
    dataDir,
    close: async () => {
      await storage.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

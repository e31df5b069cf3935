import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { findLeaks } from "../../http/testing/secrets-check";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway cluster's admin URL, or "" when PCA_TEST_POSTGRES=0. */
    pcaPostgresUrl: string;
    /** Where tests record every response and log line (http/testing/traffic.ts). */
    pcaTrafficFile: string;
    /** Where tests register every secret they used. */
    pcaSecretsFile: string;
  }
}

/**
 * Vitest globalSetup of the bff project. Starts one PostgreSQL cluster per test run (unless
 * PCA_TEST_POSTGRES=0), shared by every test file, each of which creates its own database. At the
 * end it checks the whole suite's record: no password, session id or token secret used by any
 * test may appear in any response or log line; a leak fails the run.
 */
export default function setup(project: TestProject): () => void {
  const records = mkdtempSync(join(tmpdir(), "pca-bff-records-"));
  const traffic = join(records, "traffic.jsonl");
  const secrets = join(records, "secrets.jsonl");
  writeFileSync(traffic, "");
  writeFileSync(secrets, "");
  project.provide("pcaTrafficFile", traffic);
  project.provide("pcaSecretsFile", secrets);
  let cluster: PostgresCluster | undefined;
  if (process.env.PCA_TEST_POSTGRES !== "0") cluster = startPostgresCluster();
  project.provide("pcaPostgresUrl", cluster?.url ?? "");
  return () => {
    cluster?.stop();
    const leaks = findLeaks(traffic, secrets);
    rmSync(records, { recursive: true, force: true });
    if (leaks.length > 0) {
      // Vitest reports a teardown error but keeps its exit code, so set it too.
      process.exitCode = 1;
      throw new Error(`Secrets leaked during the bff suite:\n${leaks.join("\n")}`);
    }
  };
}

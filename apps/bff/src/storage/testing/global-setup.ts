import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway cluster's admin URL, or "" when PCA_TEST_POSTGRES=0. */
    pcaPostgresUrl: string;
  }
}

/**
 * Vitest globalSetup of the bff project: one PostgreSQL cluster per test run (unless
 * PCA_TEST_POSTGRES=0), shared by every test file, each of which creates its own database.
 */
export default function setup(project: TestProject): () => void {
  if (process.env.PCA_TEST_POSTGRES === "0") {
    project.provide("pcaPostgresUrl", "");
    return () => undefined;
  }
  const cluster = startPostgresCluster();
  project.provide("pcaPostgresUrl", cluster.url);
  return () => cluster.stop();
}

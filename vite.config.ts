import { defineConfig } from "vitest/config";

/**
 * The Vitest projects of the whole workspace. Each package's tests sit beside its code
 * (`src/**\/*.test.ts`); the SPA's project has its own config in apps/web. End-to-end tests are
 * Playwright's, in e2e/, and are not run by Vitest.
 */
const nodeProject = (name: string, root: string, extra: { globalSetup?: string[] } = {}) => ({
  test: {
    ...extra,
    name,
    root,
    include: ["src/**/*.test.ts"],
    environment: "node" as const,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      nodeProject("contracts", "packages/contracts"),
      nodeProject("pki", "packages/pki"),
      nodeProject("ccm-client", "packages/ccm-client"),
      nodeProject("ccm-emulator", "packages/ccm-emulator"),
      // The bff project starts one throwaway PostgreSQL cluster per run (PCA_TEST_POSTGRES=0 skips it).
      nodeProject("bff", "apps/bff", { globalSetup: ["src/storage/testing/global-setup.ts"] }),
      "apps/web",
      // The repository's own tooling: the architecture's arrows (.dependency-cruiser.cjs) and the
      // check that the repository stands alone (scripts/check-standalone.mjs).
      {
        test: { name: "tooling", root: ".", include: ["scripts/**/*.test.ts"], environment: "node" as const },
      },
    ],
  },
});

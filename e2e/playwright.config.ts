import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { ADMIN_PASSWORD, storageStatePath } from "./support/accounts";

/**
 * End-to-end tests in Debian's Chromium (browser downloads are impossible here) against the real
 * stack: the BFF serving the built SPA, with its in-process CCM emulator. The port is fixed per run
 * so tests and the web server agree.
 */
const port = Number(process.env.E2E_PORT ?? 18180);
export const baseURL = `http://127.0.0.1:${port}`;

// This file is evaluated again in every worker; the environment is inherited, so one run keeps
// one fresh data directory (a new database, a newly seeded emulator, the admin created at start).
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "pca-e2e-"));
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "tests",
  outputDir: "artifacts/test-output",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "../test-results/playwright.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { storageState: storageStatePath("issuer") },
    },
  ],
  webServer: {
    command: "pnpm --silent --filter @pca/bff start",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
  },
});

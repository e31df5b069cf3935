import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (browser downloads are impossible here) against the real
 * stack: the BFF serving the built SPA. The port is fixed per run so tests and the web server agree.
 */
const port = Number(process.env.E2E_PORT ?? 18180);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests",
  outputDir: "artifacts/test-output",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "../test-results/playwright.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
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
  webServer: {
    command: "pnpm --silent --filter @pca/bff start",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
  },
});

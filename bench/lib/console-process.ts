import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { EmulatorProcess } from "./emulator-process";
import { endChild, onStop } from "./lifecycle";
import { freePort, waitForHttp } from "./process";

/** apps/bff: where the bundle is built and run from. */
export const BFF_DIR = fileURLToPath(new URL("../../apps/bff/", import.meta.url));

/**
 * Builds the console as `pnpm start` runs it (apps/bff/scripts/build.mjs: an esbuild bundle run
 * on plain Node, no TypeScript loader), once per benchmark run.
 */
export function buildConsole(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: BFF_DIR, stdio: "inherit" });
}

/** The console's BFF in its own process, signed in, with an issuer API token. */
export interface ConsoleProcess {
  readonly url: string;
  readonly pid: number;
  /** `Authorization: Bearer …` of a fresh `issuer` API token (no CSRF needed). */
  readonly auth: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

export interface ConsoleOptions {
  /** SQLite's folder (console.db), reused across starts so state accumulates like a real one. */
  readonly dataDir: string;
  /** `postgres://…` for PostgreSQL; undefined for SQLite. */
  readonly databaseUrl?: string | undefined;
  /** The admin password the first start sets and later starts sign in with. */
  readonly adminPassword: string;
  /** The CCM emulator process the console talks to through its signed client (cloud mode). */
  readonly emulator: EmulatorProcess;
  /** Node options before the script (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
}

/**
 * Starts the built console (apps/bff/dist/main.js, see buildConsole) on a free loopback port in
 * cloud mode against the given emulator process, with the issuance rate limit raised, waits for
 * /healthz, signs in as admin and creates an `issuer` API token.
 */
export async function startConsoleProcess(options: ConsoleOptions): Promise<ConsoleProcess> {
  const port = await freePort();
  const { ak, sk, domainId } = options.emulator.credentials;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: options.dataDir,
    CONSOLE_ADMIN_PASSWORD: options.adminPassword,
    LOG_LEVEL: "warn",
    // One benchmark user issues thousands a second; the default (120 a minute) would answer 429.
    ISSUE_RATE_LIMIT_PER_MINUTE: "100000000",
    CCM_ENDPOINT: options.emulator.url,
    HUAWEICLOUD_SDK_AK: ak,
    HUAWEICLOUD_SDK_SK: sk,
    HUAWEICLOUD_SDK_DOMAIN_ID: domainId,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  // BENCH_CONSOLE_NODE_ARGS: extra node/V8 flags for experiments (e.g. "--max-semi-space-size=4").
  const extra = (process.env.BENCH_CONSOLE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extra, ...(options.nodeArgs ?? []), "dist/main.js"], {
    stdio: ["ignore", "ignore", "inherit"],
    cwd: BFF_DIR,
    env,
  });
  const stop = onStop("console (bff)", () => endChild(child, 10_000));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 60_000);
  const login = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: options.adminPassword }),
  });
  if (!login.ok) throw new Error(`signing in to the console failed: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const token = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "X-CSRF-Token": csrfToken },
    body: JSON.stringify({ name: `bench-${randomBytes(4).toString("hex")}`, role: "issuer" }),
  });
  if (!token.ok) throw new Error(`creating an API token failed: ${token.status}`);
  const { secret } = (await token.json()) as { secret: string };
  return { url, pid: child.pid ?? 0, auth: { authorization: `Bearer ${secret}` }, stop };
}

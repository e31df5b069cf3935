// `pnpm bench issue [--seconds N] [--emulator-process]`: POST /api/certificates through the BFF (its own process,
// SQLite, the default in-process emulator upstream) with fresh P-256 CSRs and a distinct
// Idempotency-Key per request, at 1, 16 and 64 connections. Loopback only, bounded in time; the
// BFF is stopped and its data directory removed at the end. Prints req/s, p50/p99, errors and the
// BFF's RSS, and writes bench/results/issue-<timestamp>.json.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { makeCsr } from "../apps/bff/src/issuance/testing/make-csr";
import { issuanceAudit } from "./lib/audit-counts";
import { BFF_DIR, buildConsole } from "./lib/console-process";
import { type LoadFigures, runLoad } from "./lib/load";
import { freePort, rssOf, waitForHttp } from "./lib/process";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SECONDS = arg("seconds", 10);
/** `--emulator-process`: the emulator in its own process and the BFF in cloud mode against it. */
const SEPARATE = process.argv.includes("--emulator-process");
const LEVELS = [1, 16, 64];
const MB = 1024 * 1024;

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/** The emulator as `pnpm emulator` runs it, for --emulator-process; returns the BFF's cloud env. */
async function startEmulatorProcess(dir: string) {
  const port = await freePort();
  const ak = `BENCH${randomBytes(8).toString("hex").toUpperCase()}`;
  const sk = randomBytes(20).toString("hex");
  const domainId = randomBytes(16).toString("hex");
  const child = spawn(process.execPath, ["--import", "tsx", "packages/ccm-emulator/src/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      EMULATOR_HOST: "127.0.0.1",
      EMULATOR_PORT: String(port),
      EMULATOR_DB: join(dir, "emulator.sqlite"),
      CCM_EMULATOR_AK: ak,
      CCM_EMULATOR_SK: sk,
      CCM_EMULATOR_DOMAIN_ID: domainId,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/v1/private-certificate-authorities`, 60_000);
  const env = {
    CCM_ENDPOINT: url,
    HUAWEICLOUD_SDK_AK: ak,
    HUAWEICLOUD_SDK_SK: sk,
    HUAWEICLOUD_SDK_DOMAIN_ID: domainId,
  };
  return { env, stop: stopper(child) };
}

async function startBff(dir: string, password: string, upstreamEnv: Record<string, string>) {
  const port = await freePort();
  // The console as `pnpm start` runs it: the esbuild bundle on plain Node.
  const child: ChildProcess = spawn(process.execPath, ["dist/main.js"], {
    cwd: BFF_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dir,
      CONSOLE_ADMIN_PASSWORD: password,
      LOG_LEVEL: "warn",
      // One benchmark user issues hundreds a second; the default (120 a minute) would answer 429.
      ISSUE_RATE_LIMIT_PER_MINUTE: "100000000",
      ...upstreamEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, 60_000);
  return { url, pid: child.pid ?? 0, stop: stopper(child) };
}

/** Signs in as admin, makes an issuer API token (Bearer: no CSRF), finds the P-256 issuing CA. */
async function prepare(url: string, password: string) {
  const login = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const token = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "X-CSRF-Token": csrfToken },
    body: JSON.stringify({ name: "bench", role: "issuer" }),
  });
  const { secret } = (await token.json()) as { secret: string };
  const auth = { authorization: `Bearer ${secret}` };
  const cas = (await (
    await fetch(`${url}/api/cas?status=ACTIVED&type=SUBORDINATE`, { headers: auth })
  ).json()) as {
    certificate_authorities: { ca_id: string; key_algorithm?: string | null }[];
  };
  const issuer = cas.certificate_authorities.find((c) => c.key_algorithm === "EC256");
  if (!issuer) throw new Error("no ACTIVED EC P-256 issuing CA");
  return { auth, adminHeaders: { cookie }, issuerId: issuer.ca_id };
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((c, j) => c.padStart(widths[j] ?? 0)).join(" | ")} |`);
    if (i === 0) console.log(`|${widths.map((w) => `${"-".repeat(w + 1)}:`).join("|")}|`);
  }
}

async function run(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), "pca-bench-issue-"));
  const password = randomBytes(18).toString("base64url");
  const emulator = SEPARATE ? await startEmulatorProcess(dir) : undefined;
  buildConsole();
  const bff = await startBff(dir, password, emulator?.env ?? {});
  try {
    const { auth, adminHeaders, issuerId } = await prepare(bff.url, password);
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdle = await rssOf(bff.pid);
    let pool: string[] = [];
    const refill = (n: number) => {
      pool = Array.from(
        { length: n },
        (_, i) => makeCsr({ cn: `bench-${i}.example.com`, dns: [`bench-${i}.example.com`] }).pem,
      );
    };
    const target = {
      url: `${bff.url}/api/certificates`,
      method: "POST" as const,
      headers: { ...auth, "content-type": "application/json" },
      next: () => ({
        body: JSON.stringify({
          issuer_id: issuerId,
          csr: pool.pop() ?? makeCsr().pem,
          validity: { type: "DAY", value: 90 },
        }),
        headers: { "Idempotency-Key": `bench-${randomUUID()}` },
      }),
    };
    refill(500);
    await runLoad(target, 4, 2);
    const results: (LoadFigures & { rssBeforeMb: number; rssAfterMb: number })[] = [];
    let lastRps = 300;
    for (const connections of LEVELS) {
      refill(Math.min(40_000, Math.ceil(lastRps * SECONDS * 1.5)));
      const rssBefore = await rssOf(bff.pid);
      const figures = await runLoad(target, connections, SECONDS);
      lastRps = Math.max(figures.rps, 100);
      results.push({ ...figures, rssBeforeMb: rssBefore / MB, rssAfterMb: (await rssOf(bff.pid)) / MB });
    }
    const rssEnd = await rssOf(bff.pid);
    const audit = await issuanceAudit(bff.url, adminHeaders);
    console.log(
      `\nPOST /api/certificates through the BFF (SQLite, audit, idempotency, ${SEPARATE ? "emulator in its own process" : "in-process emulator"}), fresh P-256 CSR and Idempotency-Key per request, ${SECONDS} s per level, ${cpus().length} cores, Node ${process.version}, load average ${loadAtStart.toFixed(2)} at start\n`,
    );
    printTable([
      ["connections", "requests", "req/s", "p50 ms", "p99 ms", "errors", "RSS before MB", "RSS after MB"],
      ...results.map((r) => [
        String(r.connections),
        String(r.requests),
        r.rps.toFixed(1),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.errors),
        r.rssBeforeMb.toFixed(0),
        r.rssAfterMb.toFixed(0),
      ]),
    ]);
    console.log(`\nBFF RSS idle ${(rssIdle / MB).toFixed(0)} MB, at the end ${(rssEnd / MB).toFixed(0)} MB`);
    console.log(
      `audit: ${audit.requested} requested = ${audit.succeeded} succeeded + ${audit.failed} failed (${audit.requested === audit.succeeded + audit.failed ? "balanced" : "NOT balanced"})`,
    );
    mkdirSync("bench/results", { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    writeFileSync(
      `bench/results/issue-${stamp}.json`,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cores: cpus().length,
          loadAverageAtStart: loadAtStart,
          seconds: SECONDS,
          emulator: SEPARATE ? "own process" : "in-process",
          rssIdleMb: rssIdle / MB,
          rssEndMb: rssEnd / MB,
          audit,
          results,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await bff.stop();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run();

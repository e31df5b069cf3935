// `pnpm bench peers [--seconds N] [--warmup N] [--connections 1,4,16] [--only a,b] [--parse-n N]
// [--profile-emulator DIR] [--profile-console DIR]`: the console side by side with cfssl on the same 2 cores, as ratios.
// cfssl serve (a fresh P-256 CA) `POST /api/v1/cfssl/sign`; the CCM emulator's
// CreateCertificateByCsr signed per request by @pca/ccm-client's signer (its own process, a fresh
// one per case); the console's `POST /api/certificates` (its own process, API token, audit and
// Idempotency-Key on; built and run as `pnpm start` does) into an emulator process, on SQLite and on PostgreSQL. The same P-256 CSR
// and the same load generator (autocannon) everywhere; then CSR parsing against Python
// cryptography and plain @peculiar/x509. Loopback only; bounded in time; everything started is
// stopped on exit, error or Ctrl-C. Writes bench/results/peers-<timestamp>.{json,md} and
// peers-latest.md. --only takes cfssl, emulator, console-sqlite, console-postgres, parse.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgresCluster } from "../apps/bff/src/storage/testing/postgres-cluster";
import { generateCsr } from "../packages/pki/src/testing/generate";
import { ensureCfssl, startCfssl } from "./lib/cfssl";
import { buildConsole, startConsoleProcess } from "./lib/console-process";
import { timeCsrParsing } from "./lib/csr-parse";
import { startEmulatorProcess } from "./lib/emulator-process";
import { onStop, stopAll, stopAllOnExit } from "./lib/lifecycle";
import { type LoadTarget, runLoad } from "./lib/load";
import { cfsslTarget, consoleTarget, emulatorTarget } from "./lib/peer-targets";
import { type AddedLatency, type PeerRow, p50Of, p99Of, peersMarkdown } from "./lib/peers-report";
import { postgresPids, watchProcesses } from "./lib/process-stats";
import { timeSequential } from "./lib/timed";

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const positive = (name: string, fallback: number) => {
  const v = Number(option(name) ?? fallback);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = positive("seconds", 5);
const WARMUP = positive("warmup", 1);
const LEVELS = (option("connections") ?? "1,4,16")
  .split(",")
  .map(Number)
  .filter((c) => c > 0);
const ONLY = option("only")?.split(",");
const wanted = (part: string) => ONLY === undefined || ONLY.includes(part);
const PROFILE_DIR = option("profile-emulator");
const CONSOLE_PROFILE_DIR = option("profile-console");
const cpuProf = (dir: string | undefined) => (dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : []);
const MB = 1024 * 1024;

/**
 * Warm-up, then the measured run. `pids` are the server processes: the first one's peak RSS is
 * reported, all of their CPU is summed; `extraPids` (PostgreSQL's backends, which exist only after
 * the warm-up opened the pool) count for CPU only.
 */
async function measure(
  name: string,
  target: LoadTarget,
  connections: number,
  pids: number[],
  extraPids: () => Promise<number[]> = async () => [],
) {
  await runLoad(target, connections, WARMUP);
  (globalThis as { gc?: () => void }).gc?.();
  const all = [...pids, ...(await extraPids())];
  const { result, usage } = await watchProcesses(all, () => runLoad(target, connections, SECONDS));
  const cpu = usage.reduce((sum, u) => sum + u.cpuMs, 0);
  const row: PeerRow = {
    ...result,
    target: name,
    peakRssMb: (usage[0]?.peakRss ?? 0) / MB,
    serverCpuMsPerRequest: result.requests > 0 ? cpu / result.requests : Number.NaN,
  };
  console.log(
    `${name.padEnd(34)} ${String(connections).padStart(2)} conns  ${row.rps.toFixed(0).padStart(5)} req/s  p50 ${p50Of(row).toFixed(2)} ms  p99 ${p99Of(row).toFixed(2)} ms  errors ${row.errors}  RSS ${row.peakRssMb.toFixed(0)} MB  CPU ${row.serverCpuMsPerRequest.toFixed(2)} ms/req`,
  );
  return row;
}

/** A fresh emulator, checked with one signed request, for one case. */
async function freshEmulator(csr: string) {
  const emulator = await startEmulatorProcess(cpuProf(PROFILE_DIR));
  const target = emulatorTarget(emulator, emulator.issuerId, csr);
  const probe = target.next?.() ?? {};
  const answer = await fetch(target.url, { method: "POST", headers: probe.headers, body: probe.body });
  if (!answer.ok) throw new Error(`the emulator refused the CSR: ${answer.status} ${await answer.text()}`);
  return { emulator, target };
}

async function run(): Promise<void> {
  stopAllOnExit();
  const loadAverageAtStart = loadavg();
  const csr = (await generateCsr({ subject: "CN=bench.example.com", dns: ["bench.example.com"] })).pem;
  const rows: PeerRow[] = [];
  const addedLatency: AddedLatency[] = [];
  const notes: string[] = [
    "cfssl serve keeps nothing (no certificate database); the emulator stores every certificate in SQLite (WAL); the console writes two audit events and an idempotency row per issuance.",
    "The console reads the issuing CA (ShowCertificateAuthority) for its policy once per ISSUER_CACHE_SECONDS (default 5 s, as here), so nearly every issuance is one signed CCM call (CreateCertificateByCsr).",
    "Server CPU ms/req: CPU time of the server processes per completed request (console rows: BFF + emulator, + the PostgreSQL server's processes on PostgreSQL); the load generator shares the same 2 cores. Peak RSS: the cfssl, emulator or BFF process.",
    "The console runs as `pnpm start` runs it (apps/bff/scripts/build.mjs: esbuild bundle on plain Node), in cloud mode against an emulator process, ISSUE_RATE_LIMIT_PER_MINUTE raised for the one benchmark user, LOG_LEVEL=warn.",
    "The emulator (its own row and the console's upstream) is one Node process running `pnpm emulator`'s main as an esbuild bundle on plain Node (bench/lib/emulator-process.ts buildEmulator; `pnpm emulator` itself runs it with tsx).",
    "PostgreSQL is a throwaway cluster with fsync, synchronous_commit and full_page_writes off (the BFF test harness's startPostgresCluster); SQLite is the BFF's default file in DATA_DIR.",
  ];

  ensureCfssl();
  const cfssl = await startCfssl("ecdsa");
  onStop("cfssl serve", () => cfssl.stop());
  const signed = await fetch(cfssl.signUrl, {
    method: "POST",
    body: JSON.stringify({ certificate_request: csr }),
  });
  if (!signed.ok) throw new Error(`cfssl refused the CSR: ${signed.status}`);

  const engines: { name: string; databaseUrl: string | undefined; dataDir: string; adminPassword: string }[] =
    [];
  const consoleEngine = (name: string, databaseUrl: string | undefined) => {
    const dataDir = mkdtempSync(join(tmpdir(), "pca-bench-console-"));
    onStop(`console data ${name}`, () => rmSync(dataDir, { recursive: true, force: true }));
    engines.push({ name, databaseUrl, dataDir, adminPassword: randomBytes(18).toString("base64url") });
  };
  if (wanted("console-sqlite") || wanted("console-postgres")) buildConsole();
  if (wanted("console-sqlite")) consoleEngine("sqlite", undefined);
  if (wanted("console-postgres")) {
    try {
      const cluster = startPostgresCluster();
      onStop("postgresql cluster", () => cluster.stop());
      consoleEngine("postgres", cluster.url);
    } catch (error) {
      notes.push(`console on PostgreSQL left out: ${error instanceof Error ? error.message : error}`);
    }
  }

  for (const connections of LEVELS) {
    if (wanted("cfssl"))
      rows.push(
        await measure("cfssl serve /sign", cfsslTarget(cfssl.signUrl, csr), connections, [cfssl.pid]),
      );
    if (wanted("emulator")) {
      const { emulator, target } = await freshEmulator(csr);
      rows.push(await measure("emulator CreateCertificateByCsr", target, connections, [emulator.pid]));
      await emulator.stop();
    }
    for (const engine of engines) {
      const { emulator, target: direct } = await freshEmulator(csr);
      const bff = await startConsoleProcess({ ...engine, emulator, nodeArgs: cpuProf(CONSOLE_PROFILE_DIR) });
      const target = consoleTarget(bff.url, bff.auth, emulator.issuerId, csr);
      const databasePids = async () => (engine.databaseUrl ? postgresPids(engine.databaseUrl) : []);
      const name = `console POST /api/certificates (${engine.name})`;
      rows.push(await measure(name, target, connections, [bff.pid, emulator.pid], databasePids));
      if (connections === LEVELS[0]) {
        const [emu, con] = await timeSequential([direct, target], Math.max(2, SECONDS));
        if (emu && con) addedLatency.push({ engine: engine.name, emulator: emu, console: con });
      }
      await bff.stop();
      await emulator.stop();
    }
  }

  const parsing = wanted("parse") ? await timeCsrParsing(csr, positive("parse-n", 2000)) : [];
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    loadAverageAtStart,
    cfsslVersion: cfssl.version,
    secondsPerCase: SECONDS,
    rows,
    addedLatency,
    parsing,
    notes,
  };
  const markdown = peersMarkdown(report);
  console.log(`\n${markdown}`);
  mkdirSync("bench/results", { recursive: true });
  const stamp = report.date.replace(/[:.]/g, "-");
  writeFileSync(`bench/results/peers-${stamp}.json`, `${JSON.stringify({ ...report, csr }, null, 2)}\n`);
  writeFileSync(`bench/results/peers-${stamp}.md`, markdown);
  writeFileSync("bench/results/peers-latest.md", markdown);
  console.log(`written: bench/results/peers-${stamp}.{json,md} and bench/results/peers-latest.md`);
}

try {
  await run();
} finally {
  await stopAll();
}

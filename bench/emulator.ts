// `pnpm bench emulator [--seconds N] [--concurrency C]`: CreateCertificateByCsr issuances per
// second against the CCM emulator, through @pca/ccm-client's signed client (SDK-HMAC-SHA256,
// keep-alive), for a P-256 and an RSA-2048 CSR. The emulator runs as its own process (`pnpm
// emulator`'s main bundled as in `pnpm bench peers`, bench/lib/emulator-process.ts; file database
// in WAL mode) so server and client each get one of the 2 cores; loopback only; every case is
// bounded in time; the emulator is stopped at the end.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCcmClient } from "@pca/ccm-client";
import { startEmulatorProcess } from "./lib/emulator-process";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SECONDS = arg("seconds", 10);
const CONCURRENCY = arg("concurrency", 8);
const WARMUP_MS = 1000;
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/csr");
const CASES = [
  { name: "P-256 CSR (ec-p256-mail-tls)", csr: readFileSync(join(FIXTURES, "ec-p256-mail-tls.pem"), "utf8") },
  { name: "RSA-2048 CSR (rsa2048-shop)", csr: readFileSync(join(FIXTURES, "rsa2048-shop.pem"), "utf8") },
];

interface Figures {
  readonly name: string;
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN);

async function run(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const emulator = await startEmulatorProcess();
  const { ak, sk, domainId } = emulator.credentials;
  const client = createCcmClient({
    endpoint: { url: emulator.url },
    credentials: { kind: "aksk", ak, sk, domainId },
    timeoutMs: 30_000,
  });
  try {
    const cas = await client.listCertificateAuthorities({ status: "ACTIVED", type: "SUBORDINATE" });
    if (!cas.ok) throw new Error(`listing CAs failed: ${cas.error.message}`);
    const issuer = cas.value.certificate_authorities.find((c) => c.key_algorithm === "EC256");
    if (!issuer) throw new Error("the emulator has no ACTIVED EC P-256 issuing CA");

    const results: Figures[] = [];
    for (const c of CASES) {
      const body = { issuer_id: issuer.ca_id, csr: c.csr, validity: { type: "YEAR" as const, value: 1 } };
      const drive = async (untilMs: number, samples: number[] | undefined) => {
        let errors = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (Date.now() < untilMs) {
              const t0 = performance.now();
              const r = await client.createCertificateByCsr(body);
              if (!r.ok) errors++;
              else samples?.push(performance.now() - t0);
            }
          }),
        );
        return errors;
      };
      await drive(Date.now() + WARMUP_MS, undefined);
      (globalThis as { gc?: () => void }).gc?.();
      const samples: number[] = [];
      const started = performance.now();
      const errors = await drive(Date.now() + SECONDS * 1000, samples);
      const elapsed = (performance.now() - started) / 1000;
      samples.sort((a, b) => a - b);
      results.push({
        name: c.name,
        requests: samples.length,
        rps: samples.length / elapsed,
        p50: percentile(samples, 0.5),
        p99: percentile(samples, 0.99),
        errors,
      });
    }

    const cores = cpus().length;
    console.log(
      `\nccm-emulator: CreateCertificateByCsr via @pca/ccm-client (signed, keep-alive), ${CONCURRENCY} in flight, ${SECONDS} s per case, ${cores} cores, Node ${process.version}, load average ${loadAtStart.toFixed(2)} at start`,
    );
    console.log(
      "issuer: Example Corp Issuing CA G1 (EC P-256), certificates signed ECDSA-SHA384, SQLite file in WAL mode\n",
    );
    const rows = [
      ["case", "requests", "req/s", "p50 ms", "p99 ms", "errors"],
      ...results.map((r) => [
        r.name,
        String(r.requests),
        r.rps.toFixed(1),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.errors),
      ]),
    ];
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
    for (const [i, row] of rows.entries()) {
      console.log(
        `| ${row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j] ?? 0) : cell.padStart(widths[j] ?? 0))).join(" | ")} |`,
      );
      if (i === 0)
        console.log(
          `|${widths.map((w, j) => (j === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
        );
    }
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(
      "bench/results/emulator.json",
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores, loadAverageAtStart: loadAtStart, seconds: SECONDS, concurrency: CONCURRENCY, results }, null, 2)}\n`,
    );
  } finally {
    await client.close();
    await emulator.stop();
  }
}

await run();

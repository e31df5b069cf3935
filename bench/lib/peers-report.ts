import type { ParseFigures } from "./csr-parse";
import type { LoadFigures } from "./load";
import type { TimedFigures } from "./timed";

/** One target at one concurrency, with what its server process(es) used. */
export interface PeerRow extends LoadFigures {
  readonly target: string;
  /** Peak RSS of the process serving the target (the BFF for console rows), MB. */
  readonly peakRssMb: number;
  /** CPU ms per completed request, summed over the server processes (BFF + emulator [+ PostgreSQL] for console rows). */
  readonly serverCpuMsPerRequest: number;
}

/** Sequential (1 in flight) latencies with sub-ms resolution: the console's added latency. */
export interface AddedLatency {
  readonly engine: string;
  readonly emulator: TimedFigures;
  readonly console: TimedFigures;
}

export interface PeersReport {
  readonly date: string;
  readonly node: string;
  readonly cores: number;
  readonly loadAverageAtStart: readonly number[];
  readonly cfsslVersion: string;
  readonly secondsPerCase: number;
  readonly rows: readonly PeerRow[];
  readonly addedLatency: readonly AddedLatency[];
  readonly parsing: readonly ParseFigures[];
  readonly notes: readonly string[];
}

const ratio = (value: number, base: number | undefined) =>
  base === undefined || !(base > 0) || !Number.isFinite(value) ? "–" : `${(value / base).toFixed(2)}×`;
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const n3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "–");
const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "–");
/** Fractional-ms percentiles when the load generator gave them, autocannon's whole ms otherwise. */
export const p50Of = (r: PeerRow) => r.latencyMs?.p50 ?? r.p50;
export const p99Of = (r: PeerRow) => r.latencyMs?.p99 ?? r.p99;

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: readonly string[]) =>
    `| ${r.map((c, j) => (j === 0 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, j) => (j === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return rows.flatMap((r, i) => (i === 0 ? [line(r), rule] : [line(r)]));
}

/** One of the performance targets, judged from the report's rows. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/**
 * The performance targets against this run: the emulator at or above cfssl at the highest concurrency;
 * the console at least half of cfssl there; the BFF's added p50 under 2 ms; zero errors; the BFF's
 * peak RSS under 200 MB. One line per console engine where the target is per engine.
 */
export function judgeTargets(report: PeersReport): TargetVerdict[] {
  const top = Math.max(...report.rows.map((r) => r.connections));
  const at = (prefix: string) =>
    report.rows.find((r) => r.connections === top && r.target.startsWith(prefix));
  const cfssl = at("cfssl");
  const verdicts: TargetVerdict[] = [];
  const vsCfssl = (target: string, row: PeerRow | undefined, atLeast: number) => {
    if (!row || !cfssl) return;
    const r = row.rps / cfssl.rps;
    verdicts.push({
      target: `${target} ≥ ${atLeast}× cfssl at ${top} connections`,
      measured: `${row.rps.toFixed(0)} vs ${cfssl.rps.toFixed(0)} req/s = ${r.toFixed(2)}×`,
      met: r >= atLeast,
    });
  };
  vsCfssl("emulator", at("emulator"), 1);
  const engines = [
    ...new Set(report.rows.filter((r) => r.target.startsWith("console")).map((r) => r.target)),
  ];
  const engineOf = (target: string) => target.replace(/^console POST \/api\/certificates \((.*)\)$/, "$1");
  for (const engine of engines) vsCfssl(`console (${engineOf(engine)})`, at(engine), 0.5);
  for (const a of report.addedLatency) {
    const added = a.console.p50 - a.emulator.p50;
    verdicts.push({
      target: `BFF added p50 < 2 ms (${a.engine})`,
      measured: `${added.toFixed(2)} ms`,
      met: added < 2,
    });
  }
  const errors = report.rows.reduce((sum, r) => sum + r.errors, 0);
  verdicts.push({ target: "zero errors", measured: String(errors), met: errors === 0 });
  for (const engine of engines) {
    const peak = Math.max(...report.rows.filter((r) => r.target === engine).map((r) => r.peakRssMb));
    verdicts.push({
      target: `BFF peak RSS < 200 MB (${engineOf(engine)})`,
      measured: `${peak.toFixed(0)} MB`,
      met: peak < 200,
    });
  }
  return verdicts;
}

/** The report as Markdown: load table with ratios to cfssl, added latency, CSR parsing. */
export function peersMarkdown(report: PeersReport): string {
  const cfssl = new Map(
    report.rows.filter((r) => r.target.startsWith("cfssl")).map((r) => [r.connections, r]),
  );
  const load = table([
    [
      "target",
      "conns",
      "req/s",
      "× cfssl",
      "p50 ms",
      "× cfssl",
      "p99 ms",
      "× cfssl",
      "errors",
      "peak RSS MB",
      "server CPU ms/req",
    ],
    ...report.rows.map((r) => {
      const base = cfssl.get(r.connections);
      return [
        r.target,
        String(r.connections),
        n1(r.rps),
        ratio(r.rps, base?.rps),
        n2(p50Of(r)),
        ratio(p50Of(r), base && p50Of(base)),
        n2(p99Of(r)),
        ratio(p99Of(r), base && p99Of(base)),
        String(r.errors),
        n1(r.peakRssMb),
        n3(r.serverCpuMsPerRequest),
      ];
    }),
  ]);
  const added = table([
    [
      "console on",
      "emulator p50 ms",
      "console p50 ms",
      "added p50 ms",
      "emulator p99 ms",
      "console p99 ms",
      "errors",
    ],
    ...report.addedLatency.map((a) => [
      a.engine,
      n3(a.emulator.p50),
      n3(a.console.p50),
      n3(a.console.p50 - a.emulator.p50),
      n3(a.emulator.p99),
      n3(a.console.p99),
      String(a.emulator.errors + a.console.errors),
    ]),
  ]);
  const python = report.parsing.find((p) => p.name.startsWith("Python"));
  const parsing = table([
    ["CSR parse + verify (the same P-256 CSR)", "ms/op", "p99 ms", "× Python"],
    ...report.parsing.map((p) => [p.name, n3(p.msPerOp), n3(p.p99Ms), ratio(p.msPerOp, python?.msPerOp)]),
  ]);
  const targets = table([
    ["target", "measured", "verdict"],
    ...judgeTargets(report).map((t) => [t.target, t.measured, t.met ? "met" : "missed"]),
  ]);
  return [
    `# pnpm bench peers — ${report.date}`,
    "",
    `Node ${report.node}, ${report.cores} cores, cfssl ${report.cfsslVersion}, ${report.secondsPerCase} s per case after a warm-up, load average at start ${report.loadAverageAtStart.map((l) => l.toFixed(1)).join(" ")}. Loopback; autocannon; the same P-256 CSR everywhere; ratios are to cfssl at the same connections (on a shared machine they matter more than absolute figures).`,
    "",
    ...load,
    "",
    "Added latency of the console over a direct emulator call (1 in flight, interleaved, timed with performance.now()):",
    "",
    ...added,
    "",
    ...parsing,
    "",
    ...targets,
    "",
    ...report.notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
}

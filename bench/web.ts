// `pnpm bench web`: the production SPA's JS and CSS sizes (gzip) per route chunk and the initial
// JS (entry + modulepreloads), then LCP and total blocking time of /issue, signed in, in Debian's
// Chromium on loopback (Playwright + the Performance API), median of several cold loads. Targets:
// initial JS < 150 KB gzip, LCP < 1 s. Writes bench/results/web-<timestamp>.json.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { launchChromium, measurePageLoad, type PageLoadMetrics } from "../e2e/support/page-metrics";
import { buildConsole } from "./lib/console-process";
import { endChild, onStop, stopAll, stopAllOnExit } from "./lib/lifecycle";
import { freePort, waitForHttp } from "./lib/process";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "apps/web/dist");
const ROUTES = [
  "login",
  "home",
  "issue",
  "cas-list",
  "ca-detail",
  "certificates-list",
  "certificate-detail",
  "audit",
  "not-found",
];
const TARGET = { initialJsGzipKb: 150, lcpMs: 1000 };
const { values: args } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Math.max(1, Number(args.runs));

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Gzip (level 9) and raw size of every built asset, and each JS chunk's static imports. */
function readAssets() {
  const files = readdirSync(join(DIST, "assets"));
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const imports = new Map<string, string[]>();
  const lazy = new Map<string, string[]>();
  for (const file of files) {
    const body = readFileSync(join(DIST, "assets", file));
    sizes.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    if (!file.endsWith(".js")) continue;
    const text = body.toString("utf8");
    imports.set(
      file,
      [...text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1] ?? ""),
    );
    // Vite lists a dynamic import's chunks in __vite__mapDeps (what loads on demand from here).
    const deps = /m\.f=\[([^\]]*)\]/.exec(text)?.[1] ?? "";
    lazy.set(
      file,
      [...deps.matchAll(/"assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? ""),
    );
  }
  return { files, sizes, imports, lazy };
}

function analyseBundle() {
  const { files, sizes, imports, lazy } = readAssets();
  const closure = (start: readonly string[]) => {
    const seen = new Set<string>();
    const stack = [...start];
    for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...(imports.get(f) ?? []));
    }
    return seen;
  };
  const gz = (set: Iterable<string>) => [...set].reduce((sum, f) => sum + (sizes.get(f)?.gzip ?? 0), 0);
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)?.[1] ?? "";
  const preloads = [...html.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
  const initial = closure([entry, ...preloads]);
  const zod = closure(files.filter((f) => f.startsWith("zod-setup-")));
  const routes = ROUTES.map((name) => {
    const chunk = files.find((f) => new RegExp(`^${name}-[\\w-]{8}\\.js$`).test(f)) ?? "";
    const visit = new Set([...closure([chunk]), ...zod].filter((f) => !initial.has(f)));
    const onDemand = new Set((lazy.get(chunk) ?? []).filter((f) => !initial.has(f) && !visit.has(f)));
    for (const f of [...onDemand])
      for (const dep of closure([f])) if (!initial.has(dep) && !visit.has(dep)) onDemand.add(dep);
    return {
      route: name,
      chunk,
      chunkGzipKb: kb(sizes.get(chunk)?.gzip ?? 0),
      firstVisitGzipKb: kb(gz(visit)),
      onDemandGzipKb: kb(gz(onDemand)),
    };
  });
  const css = files
    .filter((f) => f.endsWith(".css"))
    .map((f) => ({ file: f, gzipKb: kb(sizes.get(f)?.gzip ?? 0) }));
  const initialJsGzipKb = kb(gz(initial));
  return { entry, preloads, initialJs: [...initial].sort(), initialJsGzipKb, css, routes };
}

/** The console as `pnpm start` runs it, in emulator mode, on a free loopback port and a temp DATA_DIR. */
async function startConsole(password: string) {
  buildConsole();
  const dataDir = mkdtempSync(join(tmpdir(), "pca-bench-web-"));
  onStop("temp data dir", () => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  // SQLite in the temp folder, whatever DATABASE_URL the shell has.
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const env = {
    ...inherited,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    CONSOLE_ADMIN_PASSWORD: password,
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: join(ROOT, "apps/bff"),
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  onStop("console (bff)", () => endChild(child, 10_000));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, 60_000);
  return url;
}

async function signIn(url: string, password: string) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  if (!response.ok) throw new Error(`signing in failed: ${response.status}`);
  const value = /pca_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";
  return [{ name: "pca_session", value }];
}

stopAllOnExit();
const loadAverageAtStart = loadavg();
console.log("building the web (vite build)…");
execFileSync("pnpm", ["--silent", "--filter", "@pca/web", "build"], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"],
});
const bundle = analyseBundle();
console.log(
  `\ninitial JS (entry + modulepreloads, ${bundle.initialJs.length} files): ${bundle.initialJsGzipKb} KB gzip (target < ${TARGET.initialJsGzipKb})`,
);
console.log(`CSS: ${bundle.css.map((c) => `${c.file} ${c.gzipKb} KB gzip`).join(", ")}`);
console.table(
  bundle.routes.map((r) => ({
    route: r.route,
    "chunk KB gz": r.chunkGzipKb,
    "first visit +KB gz": r.firstVisitGzipKb,
    "on demand +KB gz": r.onDemandGzipKb,
  })),
);

const password = `bench-web-${Date.now()}`;
const url = await startConsole(password);
const cookies = await signIn(url, password);
const browser = await launchChromium();
onStop("chromium", () => browser.close());
const loads: PageLoadMetrics[] = [];
await measurePageLoad(browser, `${url}/issue`, { cookies, readyText: "Choose a CA" }); // warm-up, not counted
for (let i = 0; i < runs; i++)
  loads.push(await measurePageLoad(browser, `${url}/issue`, { cookies, readyText: "Choose a CA" }));
await stopAll();

const pick = (k: "lcpMs" | "tbtMs" | "fcpMs" | "loadMs") => loads.map((l) => Math.round(l[k]));
const summary = {
  lcpMs: { median: median(pick("lcpMs")), min: Math.min(...pick("lcpMs")), max: Math.max(...pick("lcpMs")) },
  tbtMs: { median: median(pick("tbtMs")), min: Math.min(...pick("tbtMs")), max: Math.max(...pick("tbtMs")) },
  fcpMs: { median: median(pick("fcpMs")) },
  loadEventMs: { median: median(pick("loadMs")) },
  lcpElement: loads.at(-1)?.lcpElement ?? "",
  scriptsTransferredKb: kb(median(loads.map((l) => l.scriptBytes))),
};
console.log(`\n/issue signed in, ${runs} cold loads (median, min–max):`);
console.table({
  LCP: {
    ms: summary.lcpMs.median,
    range: `${summary.lcpMs.min}–${summary.lcpMs.max}`,
    target: `< ${TARGET.lcpMs}`,
  },
  TBT: { ms: summary.tbtMs.median, range: `${summary.tbtMs.min}–${summary.tbtMs.max}`, target: "" },
  FCP: { ms: summary.fcpMs.median, range: "", target: "" },
});
console.log(`LCP element: ${summary.lcpElement}; scripts transferred: ${summary.scriptsTransferredKb} KB`);
const verdict = {
  initialJs: bundle.initialJsGzipKb < TARGET.initialJsGzipKb,
  lcp: summary.lcpMs.median < TARGET.lcpMs,
};
console.log(
  `targets: initial JS ${verdict.initialJs ? "met" : "MISSED"}, LCP ${verdict.lcp ? "met" : "MISSED"}`,
);
const file = join(ROOT, "bench/results", `web-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), loadAverageAtStart, runs, targets: TARGET, verdict, bundle, issuePage: summary, loads }, null, 2)}\n`,
);
console.log(`wrote ${file}`);

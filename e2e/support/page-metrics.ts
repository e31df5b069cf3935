import { type Browser, chromium } from "@playwright/test";

/**
 * Loading metrics of one page view, read in the page from the Performance API. Used by
 * `pnpm bench web`; kept here because this folder is where @playwright/test resolves.
 */
export interface PageLoadMetrics {
  /** Largest contentful paint (ms from navigation start) and the element that was painted. */
  readonly lcpMs: number;
  readonly lcpElement: string;
  readonly fcpMs: number;
  /** Total blocking time: the part over 50 ms of every long task after first contentful paint. */
  readonly tbtMs: number;
  readonly longTasks: number;
  readonly domContentLoadedMs: number;
  readonly loadMs: number;
  /** JavaScript as transferred (bytes on the wire) and the number of script requests. */
  readonly scriptBytes: number;
  readonly scripts: number;
}

/** Debian's Chromium, headless, with the flags this closed network needs (as in the e2e config). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  });
}

// Installed before any page script: observers buffer from navigation start. A string, so this file
// type-checks without the DOM library (bench/ compiles it too).
const OBSERVE = `
  window.__pcaMetrics = { lcp: 0, lcpElement: "", longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__pcaMetrics.lcp = entry.startTime;
      const el = entry.element;
      window.__pcaMetrics.lcpElement = el ? el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "") : "";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__pcaMetrics.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
`;

const READ = `(() => {
  const m = window.__pcaMetrics;
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
  const nav = performance.getEntriesByType("navigation")[0];
  const scripts = performance.getEntriesByType("resource").filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
  const tbt = m.longTasks.filter(([start]) => start >= fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
  return {
    lcpMs: m.lcp, lcpElement: m.lcpElement, fcpMs: fcp, tbtMs: tbt, longTasks: m.longTasks.length,
    domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : 0, loadMs: nav ? nav.loadEventEnd : 0,
    scriptBytes: scripts.reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize || 0), 0),
    scripts: scripts.length,
  };
})()`;

/**
 * Loads `url` in a fresh context (cold cache) carrying the given cookies, waits until `readyText`
 * is shown and the network is idle, and reads the metrics. LCP is read after the page has settled,
 * before any input (input would end LCP measurement early).
 */
export async function measurePageLoad(
  browser: Browser,
  url: string,
  options: { cookies: readonly { name: string; value: string }[]; readyText: string },
): Promise<PageLoadMetrics> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addCookies(options.cookies.map((c) => ({ ...c, url })));
    const page = await context.newPage();
    await page.addInitScript({ content: OBSERVE });
    await page.goto(url, { waitUntil: "load" });
    await page.getByText(options.readyText).first().waitFor();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(250);
    return (await page.evaluate(READ)) as PageLoadMetrics;
  } finally {
    await context.close();
  }
}

import type { Page } from "@playwright/test";

/** A CSP violation as the page's `securitypolicyviolation` event reports it. */
export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sample: string;
  /** Where the offending code is: the script's URL and line. */
  readonly source: string;
}

/**
 * Collects every CSP violation the page reports, across reloads and navigations: an init script
 * (injected by the browser, so not itself subject to the CSP) forwards each event to the test.
 */
export async function collectCspViolations(page: Page): Promise<CspViolation[]> {
  const seen: CspViolation[] = [];
  await page.exposeFunction("__pcaReportCsp", (violation: CspViolation) => {
    seen.push(violation);
  });
  await page.addInitScript(() => {
    const report = (window as Window & { __pcaReportCsp?: (v: CspViolation) => void }).__pcaReportCsp;
    document.addEventListener("securitypolicyviolation", (event) => {
      report?.({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      });
    });
  });
  return seen;
}

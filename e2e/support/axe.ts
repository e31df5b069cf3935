import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** What one axe run found, by impact, kept for the report. */
export interface AxeSummary {
  readonly page: string;
  readonly violations: number;
  readonly byImpact: Readonly<Record<string, number>>;
}

/**
 * Runs axe-core with every rule on the page as it stands and fails on any serious or critical
 * violation, naming rule, impact and the first offending nodes. Minor and moderate findings are
 * attached to the report rather than failing.
 */
export async function expectNoSeriousViolations(
  page: Page,
  name: string,
  info: TestInfo,
): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page }).analyze();
  const byImpact: Record<string, number> = {};
  for (const v of results.violations)
    byImpact[v.impact ?? "unknown"] = (byImpact[v.impact ?? "unknown"] ?? 0) + 1;
  if (results.violations.length > 0) {
    await info.attach(`axe-${name}.json`, {
      body: JSON.stringify(results.violations, null, 2),
      contentType: "application/json",
    });
  }
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect(serious, `axe on ${name}`).toEqual([]);
  return { page: name, violations: results.violations.length, byImpact };
}

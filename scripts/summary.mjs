#!/usr/bin/env node
// Prints one "runner: N passed, N failed, N skipped" line per test runner from their JSON
// reports, then the total. Exits non-zero when a report is missing or anything failed.
import { existsSync, readFileSync } from "node:fs";

const reports = [
  // A test file that fails to load holds no failed test: count each such file as one failure.
  [
    "vitest",
    "test-results/vitest.json",
    (r) => ({
      passed: r.numPassedTests,
      failed:
        r.numFailedTests +
        r.testResults.filter(
          (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
        ).length,
      skipped: r.numPendingTests + r.numTodoTests,
    }),
  ],
  [
    "playwright",
    "test-results/playwright.json",
    (r) => ({
      passed: r.stats.expected,
      failed: r.stats.unexpected + r.stats.flaky,
      skipped: r.stats.skipped,
    }),
  ],
];

const total = { passed: 0, failed: 0, skipped: 0 };
let missing = false;
console.log("");
for (const [name, file, read] of reports) {
  if (!existsSync(file)) {
    console.log(`${name}: no report (${file}): the runner did not finish`);
    missing = true;
    continue;
  }
  const counts = read(JSON.parse(readFileSync(file, "utf8")));
  for (const k of Object.keys(total)) total[k] += counts[k];
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
// Steps that are not test runners (lint, types, build, soak) count as one failure each.
const steps = existsSync("test-results/steps.txt")
  ? readFileSync("test-results/steps.txt", "utf8").split("\n").filter(Boolean)
  : [];
for (const step of steps) console.log(`step failed: ${step}`);
total.failed += steps.length;
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(missing || total.failed > 0 || total.passed === 0 ? 1 : 0);

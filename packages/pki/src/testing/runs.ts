/**
 * Runs per fast-check property: PKI_PROPERTY_RUNS if set, else 10,000 in CI (the bar) and
 * locally too, since the whole suite stays well under a minute on two cores at that count.
 */
export const PROPERTY_RUNS = Number(
  process.env.PKI_PROPERTY_RUNS ?? (process.env.CI === "true" ? 10_000 : 10_000),
);

/** Longest a single decode may take on hostile input before a property fails (generous for GC). */
export const PER_INPUT_BUDGET_MS = 250;

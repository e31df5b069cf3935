import type { RunningEmulator } from "@pca/ccm-emulator";

/**
 * Counts every request that reaches one of the emulator's CCM routes from now on: a fault rule
 * that matches everything and does nothing (0 ms of latency), whose hit count is the number of
 * requests. Used to prove that refused or invalid input never reaches the upstream.
 */
export function countUpstreamRequests(emulator: RunningEmulator): () => number {
  const id = emulator.faults.latency(0);
  return () => emulator.faults.list().find((rule) => rule.id === id)?.hits ?? 0;
}

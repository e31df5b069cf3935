import { HealthResponseSchema } from "@pca/contracts";

export type HealthState = { state: "loading" } | { state: "up"; version: string } | { state: "down" };

/** Asks the BFF's liveness route; any answer that is not the contract's shape counts as down. */
export async function readHealth(fetcher: typeof fetch, signal?: AbortSignal): Promise<HealthState> {
  const response = await fetcher("/healthz", {
    signal: signal ?? null,
    headers: { accept: "application/json" },
  });
  if (!response.ok) return { state: "down" };
  const parsed = HealthResponseSchema.safeParse(await response.json());
  return parsed.success ? { state: "up", version: parsed.data.version } : { state: "down" };
}

/** Retry policy for idempotent requests. */
export interface BackoffOptions {
  /** Attempts in all, the first included (default 3). */
  readonly maxAttempts?: number;
  /** Cap of the first retry's delay (default 100 ms); doubles for each further retry. */
  readonly baseDelayMs?: number;
  /** Largest delay (default 2 s). */
  readonly maxDelayMs?: number;
}

/**
 * "Full jitter" exponential backoff: a uniformly random delay in [0, min(max, base · 2^(n-1))]
 * before retry n, so clients that failed together do not come back together.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions, random: () => number): number {
  const base = options.baseDelayMs ?? 100;
  const cap = Math.min(options.maxDelayMs ?? 2_000, base * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

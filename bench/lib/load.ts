import autocannon from "autocannon";

/** One load run's figures, the same for every target so they compare as ratios. */
export interface LoadFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /**
   * Latency percentiles in fractional ms, from every response's own timing (autocannon's
   * p50/p99 above are whole ms, too coarse for sub-ms servers).
   */
  readonly latencyMs?: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
}

export interface LoadTarget {
  readonly url: string;
  readonly method: "GET" | "POST";
  readonly headers?: Record<string, string>;
  /**
   * Builds each request (body and per-request headers such as a signature or an Idempotency-Key).
   * Called synchronously by autocannon before every request.
   */
  readonly next?: () => {
    body?: string;
    headers?: Record<string, string>;
    path?: string;
    /** Overrides the target's method for this request (mixed traffic, bench/soak.ts). */
    method?: "GET" | "POST";
  };
}

/**
 * Drives a target with autocannon for a bounded time at a given concurrency. Loopback only: the
 * URL must point at 127.0.0.1 / localhost, which the benchmark harnesses guarantee.
 */
export async function runLoad(
  target: LoadTarget,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const host = new URL(target.url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`refusing to load a non-loopback address: ${host}`);
  }
  const next = target.next;
  const running = autocannon({
    url: target.url,
    connections,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        method: target.method,
        headers: target.headers ?? {},
        ...(next
          ? {
              setupRequest: (request: autocannon.Request) => {
                const built = next();
                return {
                  ...request,
                  ...(built.path ? { path: built.path } : {}),
                  ...(built.method ? { method: built.method } : {}),
                  ...(built.body !== undefined ? { body: built.body } : {}),
                  headers: { ...request.headers, ...built.headers },
                };
              },
            }
          : {}),
      },
    ],
  }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
  // The tracker emits (client, statusCode, resBytes, responseTime) with responseTime from hrtime.
  const samples: number[] = [];
  running.on("response", (...args: unknown[]) => {
    const ms = args[3];
    if (typeof ms === "number") samples.push(ms);
  });
  const result = await running;
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(samples.length * q))] ?? Number.NaN;
  const completed = result.requests.total;
  return {
    connections,
    seconds,
    requests: completed,
    rps: completed / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: samples.at(-1) ?? Number.NaN },
  };
}

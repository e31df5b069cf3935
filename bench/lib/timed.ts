import { Agent, request } from "node:http";
import type { LoadTarget } from "./load";

/** Sub-millisecond latency figures of sequential requests (autocannon's are whole ms). */
export interface TimedFigures {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

function once(agent: Agent, target: LoadTarget): Promise<boolean> {
  const built = target.next?.() ?? {};
  const url = built.path ? new URL(built.path, target.url) : new URL(target.url);
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: target.method, agent, headers: { ...target.headers, ...built.headers } },
      (res) => {
        res.resume();
        res.once("end", () => resolve((res.statusCode ?? 500) < 300));
      },
    );
    req.once("error", () => resolve(false));
    req.end(built.body);
  });
}

/**
 * Sends requests one at a time to each target in turn (a, b, a, b… with the order swapped every
 * round) over a keep-alive connection per target, for `seconds`, and times each with
 * performance.now(); a busy neighbour slows every target alike, so differences stay honest.
 */
export async function timeSequential(
  targets: readonly LoadTarget[],
  seconds: number,
): Promise<TimedFigures[]> {
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const samples: number[][] = targets.map(() => []);
  const errors = targets.map(() => 0);
  const until = performance.now() + seconds * 1000;
  try {
    for (let round = 0; performance.now() < until; round++) {
      for (let j = 0; j < targets.length; j++) {
        const k = round % 2 === 0 ? j : targets.length - 1 - j;
        const target = targets[k];
        const agent = agents[k];
        if (!target || !agent) continue;
        const t = performance.now();
        const ok = await once(agent, target);
        const ms = performance.now() - t;
        if (ok) samples[k]?.push(ms);
        else errors[k] = (errors[k] ?? 0) + 1;
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return samples.map((s, k) => {
    s.sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
    return { requests: s.length, p50: at(0.5), p99: at(0.99), errors: errors[k] ?? 0 };
  });
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { CCM_ERRORS } from "../errors";
import type { FaultAction, Faults } from "../faults";
import type { OperationName } from "../operations";

/** What the faults leave for the rest of the request: a clock offset and whether to reset after. */
export interface FaultOutcome {
  readonly skewMs: number;
  readonly resetAfterHandling: boolean;
  /** true when a fault already answered (or dropped) the request. */
  readonly handled: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DEFAULT_HANG_MS = 10 * 60 * 1000;

/** Hung requests, so close() can end them. */
export class HangRegistry {
  private readonly timers = new Set<NodeJS.Timeout>();
  hold(req: IncomingMessage, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      req.socket.destroy();
    }, ms);
    this.timers.add(timer);
    req.socket.once("close", () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }
  releaseAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function answer(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function errorBody(action: Extract<FaultAction, { type: "error" }>): string {
  if (action.body) return JSON.stringify(action.body);
  const row = action.status === 503 ? CCM_ERRORS.UNAVAILABLE : CCM_ERRORS.INTERNAL;
  return JSON.stringify({ error_code: row.code, error_msg: row.msg });
}

/**
 * Applies the faults matching a request (`path`: its path without the query), in order. Latency
 * and clock skew let the request go on; an error, a malformed answer, a reset or a hang ends it here.
 */
export async function applyFaults(
  faults: Faults,
  hangs: HangRegistry,
  operation: OperationName | undefined,
  req: IncomingMessage,
  path: string,
  res: ServerResponse,
): Promise<FaultOutcome> {
  let skewMs = 0;
  let resetAfterHandling = false;
  for (const action of faults.take(operation, req.method ?? "", path)) {
    switch (action.type) {
      case "latency":
        await sleep(action.ms);
        break;
      case "clock-skew":
        skewMs += action.ms;
        break;
      case "reset-after-handling":
        resetAfterHandling = true;
        break;
      case "reset":
        req.socket.destroy();
        return { skewMs, resetAfterHandling, handled: true };
      case "hang":
        hangs.hold(req, action.ms ?? DEFAULT_HANG_MS);
        return { skewMs, resetAfterHandling, handled: true };
      case "error":
        answer(res, action.status, "application/json", errorBody(action));
        return { skewMs, resetAfterHandling, handled: true };
      case "malformed":
        if (action.variant === "non-json") {
          answer(
            res,
            action.status ?? 200,
            "application/json",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
          );
        } else {
          answer(
            res,
            action.status ?? 200,
            "application/json",
            JSON.stringify({ result: "unexpected", items: null }),
          );
        }
        return { skewMs, resetAfterHandling, handled: true };
    }
  }
  return { skewMs, resetAfterHandling, handled: false };
}

import { randomUUID } from "node:crypto";
import type { CcmErrorBody } from "@pca/contracts";
import { OPERATIONS, type OperationName } from "./operations";

/** What an injected fault does to a matching request. */
export type FaultAction =
  /** Waits this long before handling the request. */
  | { readonly type: "latency"; readonly ms: number }
  /** Answers with this status (500/503…) and a CCM-style error body instead of handling. */
  | { readonly type: "error"; readonly status: number; readonly body?: CcmErrorBody }
  /** Destroys the connection without answering. */
  | { readonly type: "reset" }
  /** Never answers; the socket is destroyed after `ms` (default 10 minutes) or at close(). */
  | { readonly type: "hang"; readonly ms?: number }
  /** Shifts the emulator's clock for the request (signature date check, timestamps, validity). */
  | { readonly type: "clock-skew"; readonly ms: number }
  /** Answers 200 (or `status`) with a body that is not JSON, or JSON of the wrong shape. */
  | { readonly type: "malformed"; readonly variant: "non-json" | "wrong-shape"; readonly status?: number }
  /** Handles the request (e.g. issues the certificate), then resets the connection instead of answering. */
  | { readonly type: "reset-after-handling" };

/** Which requests a fault applies to; every given field must match. No field matches all. */
export interface FaultMatch {
  readonly operation?: OperationName;
  readonly method?: string;
  /** An exact path, or a prefix ending in `*`. */
  readonly path?: string;
}

export interface FaultSpec extends FaultMatch {
  readonly action: FaultAction;
  /** How many matching requests it applies to; default: all until removed. */
  readonly times?: number;
}

export interface FaultRule extends FaultSpec {
  readonly id: string;
  /** Matching requests it has applied to so far. */
  readonly hits: number;
}

const FAULT_TYPES = ["latency", "error", "reset", "hang", "clock-skew", "malformed", "reset-after-handling"];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isWhole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/** Validates a fault spec from JSON (the admin route); a sentence saying what is wrong otherwise. */
export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (!isRecord(input) || !isRecord(input.action))
    return "A fault is {action: {type, …}, operation?, method?, path?, times?}.";
  const a = input.action;
  if (typeof a.type !== "string" || !FAULT_TYPES.includes(a.type))
    return `action.type is one of ${FAULT_TYPES.join(", ")}.`;
  if ((a.type === "latency" || a.type === "clock-skew") && !Number.isSafeInteger(a.ms))
    return "action.ms is a whole number.";
  if (a.type === "latency" && !isWhole(a.ms, 0)) return "action.ms is at least 0.";
  if (a.type === "hang" && a.ms !== undefined && !isWhole(a.ms, 0)) return "action.ms is at least 0.";
  if (a.type === "error" && !(isWhole(a.status, 400) && (a.status as number) <= 599))
    return "action.status is 400-599.";
  if (
    a.type === "error" &&
    a.body !== undefined &&
    !(isRecord(a.body) && typeof a.body.error_code === "string" && typeof a.body.error_msg === "string")
  ) {
    return "action.body is {error_code, error_msg}.";
  }
  if (a.type === "malformed" && a.variant !== "non-json" && a.variant !== "wrong-shape")
    return "action.variant is non-json or wrong-shape.";
  if (input.operation !== undefined && !OPERATIONS.includes(input.operation as OperationName)) {
    return `operation is one of ${OPERATIONS.join(", ")}.`;
  }
  if (input.method !== undefined && typeof input.method !== "string") return "method is a string.";
  if (input.path !== undefined && typeof input.path !== "string") return "path is a string.";
  if (input.times !== undefined && !isWhole(input.times, 1)) return "times is at least 1.";
  return input as unknown as FaultSpec;
}

const matches = (
  rule: FaultMatch,
  operation: OperationName | undefined,
  method: string,
  path: string,
): boolean =>
  (rule.operation === undefined || rule.operation === operation) &&
  (rule.method === undefined || rule.method.toUpperCase() === method) &&
  (rule.path === undefined ||
    (rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path));

/**
 * The fault-injection API: rules added here (in-process, or through the loopback-only admin route
 * `POST /__emulator/faults`) apply to matching requests, for the next `times` of them or until
 * removed. Several rules may apply to one request (e.g. latency then an error).
 */
export class Faults {
  private rules: { spec: FaultSpec; id: string; hits: number }[] = [];

  /** Adds a rule; returns its id. */
  add(spec: FaultSpec): string {
    const id = randomUUID();
    this.rules.push({ spec, id, hits: 0 });
    return id;
  }

  /** Removes one rule; false when there was none with that id. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules in force. */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.spec, id: r.id, hits: r.hits }));
  }

  /** Adds `ms` of latency. */
  latency(ms: number, match: FaultMatch & { times?: number } = {}): string {
    return this.add({ ...match, action: { type: "latency", ms } });
  }

  /** Answers with a 5xx (or any error status) and a CCM-style body. */
  error(status: number, match: FaultMatch & { times?: number; body?: CcmErrorBody } = {}): string {
    const { body, ...rest } = match;
    return this.add({ ...rest, action: body ? { type: "error", status, body } : { type: "error", status } });
  }

  /** Resets the connection without answering. */
  reset(match: FaultMatch & { times?: number } = {}): string {
    return this.add({ ...match, action: { type: "reset" } });
  }

  /** Never answers (until `ms`, default 10 minutes, or close()). */
  hang(match: FaultMatch & { times?: number; ms?: number } = {}): string {
    const { ms, ...rest } = match;
    return this.add({ ...rest, action: ms === undefined ? { type: "hang" } : { type: "hang", ms } });
  }

  /** Shifts the emulator's clock by `ms` (positive: the server is ahead of the client). */
  clockSkew(ms: number, match: FaultMatch & { times?: number } = {}): string {
    return this.add({ ...match, action: { type: "clock-skew", ms } });
  }

  /** Answers 200 with a body that is not JSON or has the wrong shape. */
  malformed(variant: "non-json" | "wrong-shape", match: FaultMatch & { times?: number } = {}): string {
    return this.add({ ...match, action: { type: "malformed", variant } });
  }

  /** Handles the request (issues the certificate), then resets the connection: an unknown outcome. */
  failAfterHandling(match: FaultMatch & { times?: number } = {}): string {
    return this.add({ ...match, action: { type: "reset-after-handling" } });
  }

  /** The actions for a request, in the order the rules were added; uses up one of each rule's `times`. */
  take(operation: OperationName | undefined, method: string, path: string): FaultAction[] {
    const actions: FaultAction[] = [];
    for (const rule of this.rules) {
      if (!matches(rule.spec, operation, method, path)) continue;
      rule.hits += 1;
      actions.push(rule.spec.action);
    }
    this.rules = this.rules.filter((r) => r.spec.times === undefined || r.hits < r.spec.times);
    return actions;
  }
}

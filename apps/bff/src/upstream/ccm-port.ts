import type { CcmClient, CcmResult, Downloaded } from "@pca/ccm-client";
import {
  CCM_OPERATION_NAMES,
  CCM_OPERATIONS,
  type CcmOperationName,
  type CcmOperationSpec,
  ccmMethodName,
} from "@pca/contracts";
import { upstreamDuration, upstreamErrors } from "../observability/metrics";
import type { createCapture } from "./capture-transport";
import { mapCcmFailure } from "./map-failure";
import type { CcmPort, UpstreamResult } from "./port";

type Capture = ReturnType<typeof createCapture>;
type AnyMethod = (...args: readonly unknown[]) => Promise<CcmResult<unknown>>;

/** A zip-capable operation's answer: its JSON, or UPSTREAM_BAD_RESPONSE for a zip nobody asked for. */
function jsonOnly(
  name: CcmOperationName,
  result: CcmResult<Downloaded<unknown>>,
  requestId: string | undefined,
): CcmResult<unknown> {
  if (!result.ok) return result;
  if (result.value.format === "json") return { ok: true, value: result.value.value };
  return {
    ok: false,
    error: {
      code: "UPSTREAM_BAD_RESPONSE",
      message: `CCM answered ${name} with a zip file where JSON was asked for.`,
      details: { operation: name, attempts: 1, upstream: requestId ? { request_id: requestId } : {} },
    },
  };
}

/**
 * The console's CCM port over ccm-client, one generic wrapper for every operation of the table:
 * the client's method for it is called, a failure is mapped to a stable code (mapCcmFailure), the
 * latency and the failures are counted by operation name, and each result carries CCM's request
 * id. A zip answer (ExportCertificate) is UPSTREAM_BAD_RESPONSE: the console asks for JSON.
 */
export function createCcmPort(client: CcmClient, capture: Capture): CcmPort {
  async function call(name: CcmOperationName, args: readonly unknown[]): Promise<UpstreamResult<unknown>> {
    const spec: CcmOperationSpec = CCM_OPERATIONS[name];
    const method = client[ccmMethodName(name)] as AnyMethod;
    const started = performance.now();
    const { result: answered, facts } = await capture.run(() => method(...args));
    const result = spec.zip
      ? jsonOnly(name, answered as CcmResult<Downloaded<unknown>>, facts.requestId)
      : answered;
    const seconds = (performance.now() - started) / 1000;
    if (result.ok) {
      upstreamDuration.observe({ operation: name, outcome: "ok" }, seconds);
      return { ok: true, value: result.value, requestId: facts.requestId ?? null };
    }
    const error = mapCcmFailure(name, result.error, facts.retryAfterSeconds);
    upstreamDuration.observe({ operation: name, outcome: error.code }, seconds);
    upstreamErrors.inc({ operation: name, code: error.code });
    return { ok: false, error };
  }
  const port = Object.fromEntries(
    CCM_OPERATION_NAMES.map((name) => [ccmMethodName(name), (...args: unknown[]) => call(name, args)]),
  );
  // Each method passes its arguments to the client's method of the same operation and answers
  // that method's value: the table types both alike (CcmArgs, CcmResponse).
  return port as unknown as CcmPort;
}

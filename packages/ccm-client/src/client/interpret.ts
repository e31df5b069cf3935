import { CcmErrorBodySchema, type ErrorCode, type IssueDetail, type UpstreamError } from "@pca/contracts";
import { type CcmResult, ccmFail } from "../errors";
import type { HttpResponse } from "../http/transport";

/** Reads a 2xx response into a value, or says why it cannot (schema issues, never the body). */
export type ResponseReader<T> = (
  response: HttpResponse,
) =>
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues?: readonly IssueDetail[] };

/** The part of a zod schema the client uses (kept structural: this package does not import zod). */
export interface ParsingSchema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

const issuePath = (path: readonly PropertyKey[]) =>
  path.map((p) => (typeof p === "number" ? "*" : String(p))).join(".");

/** Parses the body as JSON and validates it with a contracts schema. */
export function parseJson<T>(body: Uint8Array, schema: ParsingSchema<T>): ReturnType<ResponseReader<T>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return { ok: false, issues: [{ path: "", message: "The body is not JSON." }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: issuePath(i.path), message: i.message })),
  };
}

/** A reader for a JSON response body checked with a contracts schema. */
export const jsonReader =
  <T>(schema: ParsingSchema<T>): ResponseReader<T> =>
  (response) =>
    parseJson(response.body, schema);

/** Statuses worth another attempt for an idempotent request. */
export const retryableStatus = (status: number): boolean => status >= 500 || status === 429;

function upstreamOf(response: HttpResponse): UpstreamError {
  const requestId = response.headers["x-request-id"];
  const base = { status: response.status, ...(requestId ? { request_id: requestId } : {}) };
  const body = parseJson(response.body, CcmErrorBodySchema);
  return body.ok ? { ...base, error_code: body.value.error_code, error_msg: body.value.error_msg } : base;
}

function errorCodeFor(status: number, upstreamCode: string | undefined, mutates: boolean): ErrorCode {
  const gateway = upstreamCode === undefined || /^(APIGW|IAM)\./.test(upstreamCode);
  if (status === 401 || (status === 403 && gateway)) return "UPSTREAM_AUTH_FAILED";
  if (status === 429) return "UPSTREAM_RATE_LIMITED";
  if (status >= 400 && status < 500) return "UPSTREAM_REJECTED";
  if (status >= 500) {
    // A 5xx that CCM itself wrote (a PCA.* body) is its answer; a gateway's 5xx (502/504, no
    // body) may hide an issuance that went through.
    return mutates && !upstreamCode?.startsWith("PCA.") ? "UPSTREAM_OUTCOME_UNKNOWN" : "UPSTREAM_ERROR";
  }
  return "UPSTREAM_BAD_RESPONSE";
}

/**
 * Turns a response into the call's result: a 2xx read by the call's reader, anything else a coded
 * failure carrying status, CCM's error_code and error_msg, and the X-Request-Id. A 2xx that cannot
 * be read is UPSTREAM_BAD_RESPONSE, or UPSTREAM_OUTCOME_UNKNOWN for a state-changing call (CCM
 * said yes, but which certificate it issued is unknown).
 */
export function interpretResponse<T>(
  call: { readonly operation: string; readonly mutates: boolean; readonly read: ResponseReader<T> },
  response: HttpResponse,
  attempts: number,
): CcmResult<T> {
  const { operation } = call;
  if (response.status >= 200 && response.status < 300) {
    const read = call.read(response);
    if (read.ok) return { ok: true, value: read.value };
    const requestId = response.headers["x-request-id"];
    const upstream = { status: response.status, ...(requestId ? { request_id: requestId } : {}) };
    const issues = read.issues ? { issues: read.issues } : {};
    return call.mutates
      ? ccmFail("UPSTREAM_OUTCOME_UNKNOWN", `CCM accepted ${operation} but its answer could not be read.`, {
          operation,
          attempts,
          upstream,
          ...issues,
        })
      : ccmFail("UPSTREAM_BAD_RESPONSE", `CCM's answer to ${operation} is not what its API documents.`, {
          operation,
          attempts,
          upstream,
          ...issues,
        });
  }
  const upstream = upstreamOf(response);
  const code = errorCodeFor(response.status, upstream.error_code, call.mutates);
  const what = upstream.error_code
    ? `HTTP ${response.status}, ${upstream.error_code}`
    : `HTTP ${response.status}`;
  const message =
    code === "UPSTREAM_AUTH_FAILED"
      ? `CCM refused the credentials for ${operation} (${what}).`
      : code === "UPSTREAM_REJECTED"
        ? `CCM refused ${operation} (${what}).`
        : code === "UPSTREAM_RATE_LIMITED"
          ? `CCM is rate limiting ${operation} (${what}).`
          : code === "UPSTREAM_OUTCOME_UNKNOWN"
            ? `CCM failed during ${operation} (${what}); whether it took effect is unknown.`
            : `CCM failed ${operation} (${what}).`;
  return ccmFail(code, message, { operation, attempts, upstream });
}

import type { ErrorCode, UpstreamError } from "@pca/contracts";
import type { UpstreamFailure } from "./port";

/** The CCM operations, named as CCM's API reference names them. */
export type CcmOperation =
  | "ListCertificateAuthority"
  | "ShowCertificateAuthority"
  | "ExportCertificateAuthorityCsr"
  | "ExportCertificateAuthorityCertificate"
  | "CreateCertificateByCsr"
  | "ListCertificate"
  | "ShowCertificate"
  | "ExportCertificate";

/**
 * How a CCM call failed, as the transport saw it. `http`: CCM (or its gateway) answered with an
 * error status. `timeout`/`connection-lost`: the request may have been received; `outcomeUnknown`
 * says whether a body had started to leave. `unreachable`: nothing was sent (refused, DNS, TLS).
 * `bad-response`: a 2xx whose body is not what the operation returns.
 */
export type CcmCallFailure =
  | {
      readonly kind: "http";
      readonly status: number;
      readonly errorCode?: string | undefined;
      readonly errorMsg?: string | undefined;
      readonly requestId?: string | undefined;
      readonly retryAfterSeconds?: number | undefined;
    }
  | { readonly kind: "timeout"; readonly outcomeUnknown: boolean; readonly requestId?: string | undefined }
  | { readonly kind: "connection-lost"; readonly outcomeUnknown: boolean }
  | { readonly kind: "unreachable" }
  | {
      readonly kind: "bad-response";
      readonly status?: number | undefined;
      readonly requestId?: string | undefined;
    };

/**
 * CCM's not-found: the live service answers 400 PCA.10010002 (reference §4.2), the doc table 404
 * PCA.00030102 (§4.1). Either one means the id names nothing.
 */
const NOT_FOUND_CODES = new Set(["PCA.10010002", "PCA.00030102"]);

const NOT_FOUND_BY_OPERATION: Partial<Record<CcmOperation, { code: ErrorCode; message: string }>> = {
  ShowCertificateAuthority: { code: "CA_NOT_FOUND", message: "No CA with this id exists in CCM." },
  ExportCertificateAuthorityCsr: { code: "CA_NOT_FOUND", message: "No CA with this id exists in CCM." },
  ExportCertificateAuthorityCertificate: {
    code: "CA_NOT_FOUND",
    message: "No CA with this id exists in CCM.",
  },
  CreateCertificateByCsr: { code: "ISSUER_NOT_FOUND", message: "The issuing CA does not exist in CCM." },
  ShowCertificate: { code: "CERTIFICATE_NOT_FOUND", message: "No certificate with this id exists in CCM." },
  ExportCertificate: { code: "CERTIFICATE_NOT_FOUND", message: "No certificate with this id exists in CCM." },
};

function upstreamOf(failure: CcmCallFailure): UpstreamError {
  const out: { -readonly [K in keyof UpstreamError]: UpstreamError[K] } = {};
  if ("status" in failure && failure.status !== undefined) out.status = failure.status;
  if (failure.kind === "http") {
    if (failure.errorCode !== undefined) out.error_code = failure.errorCode;
    if (failure.errorMsg !== undefined) out.error_msg = failure.errorMsg;
  }
  if ("requestId" in failure && failure.requestId !== undefined) out.request_id = failure.requestId;
  return out;
}

function httpFailure(op: CcmOperation, f: Extract<CcmCallFailure, { kind: "http" }>): UpstreamFailure {
  const upstream = upstreamOf(f);
  const notFound = NOT_FOUND_BY_OPERATION[op];
  const looksNotFound = f.status === 404 || (f.errorCode !== undefined && NOT_FOUND_CODES.has(f.errorCode));
  if (notFound && looksNotFound && f.status < 500) return { ...notFound, upstream };
  if (f.status === 401 || f.status === 403) {
    return {
      code: "UPSTREAM_AUTH_FAILED",
      message: "CCM refused the console's credentials; check the access key, secret key and account id.",
      upstream,
    };
  }
  if (f.status === 429) {
    return {
      code: "UPSTREAM_RATE_LIMITED",
      message: "CCM is throttling requests; try again shortly.",
      upstream,
      ...(f.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: f.retryAfterSeconds }),
    };
  }
  if (f.status >= 500) {
    return {
      code: "UPSTREAM_ERROR",
      message: `CCM failed with HTTP ${f.status}; try again later.`,
      upstream,
    };
  }
  return {
    code: "UPSTREAM_REJECTED",
    message: `CCM refused the request (${f.errorCode ?? `HTTP ${f.status}`}); see CCM's message for the reason.`,
    upstream,
  };
}

/**
 * Translates a failed CCM call into the console's stable code, keeping CCM's words in `upstream`.
 * Known CCM answers get their own code (CA_NOT_FOUND, CERTIFICATE_NOT_FOUND, ISSUER_NOT_FOUND);
 * otherwise 401/403 → UPSTREAM_AUTH_FAILED, 429 → UPSTREAM_RATE_LIMITED, other 4xx →
 * UPSTREAM_REJECTED, 5xx → UPSTREAM_ERROR, timeouts → UPSTREAM_TIMEOUT, unreachable →
 * UPSTREAM_UNREACHABLE, malformed bodies → UPSTREAM_BAD_RESPONSE. A lost connection after the
 * request left is UPSTREAM_OUTCOME_UNKNOWN.
 */
export function mapCcmFailure(op: CcmOperation, failure: CcmCallFailure): UpstreamFailure {
  switch (failure.kind) {
    case "http":
      return httpFailure(op, failure);
    case "timeout":
      return {
        code: "UPSTREAM_TIMEOUT",
        message: failure.outcomeUnknown
          ? "CCM did not answer in time; it may still have carried out the request."
          : "CCM did not answer in time; try again later.",
        upstream: upstreamOf(failure),
        outcomeUnknown: failure.outcomeUnknown,
      };
    case "connection-lost":
      return failure.outcomeUnknown
        ? {
            code: "UPSTREAM_OUTCOME_UNKNOWN",
            message: "The connection to CCM broke after the request was sent; CCM may have carried it out.",
            upstream: {},
            outcomeUnknown: true,
          }
        : {
            code: "UPSTREAM_UNREACHABLE",
            message: "The connection to CCM broke; try again later.",
            upstream: {},
          };
    case "unreachable":
      return {
        code: "UPSTREAM_UNREACHABLE",
        message: "CCM cannot be reached; check the endpoint and the network.",
        upstream: {},
      };
    case "bad-response":
      return {
        code: "UPSTREAM_BAD_RESPONSE",
        message: `CCM answered ${op} with a body the console does not understand.`,
        upstream: upstreamOf(failure),
      };
  }
}

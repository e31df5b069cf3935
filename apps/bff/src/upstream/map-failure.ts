import type { CcmFailure } from "@pca/ccm-client";
import {
  CCM_OPERATIONS,
  type CcmOperationName,
  type CcmOperationSpec,
  type ErrorCode,
  pathParamNames,
} from "@pca/contracts";
import type { UpstreamFailure } from "./port";

/**
 * CCM's not-found: the live service answers 400 PCA.10010002 (reference §4.2), the doc table 404
 * PCA.00030102 (§4.1). Either one means the id names nothing.
 */
const NOT_FOUND_CODES = new Set(["PCA.10010002", "PCA.00030102"]);

const CA_NOT_FOUND = { code: "CA_NOT_FOUND", message: "No CA with this id exists in CCM." } as const;
const CERT_NOT_FOUND = {
  code: "CERTIFICATE_NOT_FOUND",
  message: "No certificate with this id exists in CCM.",
} as const;

/** What an operation's not-found means, by the id in its path. */
const NOT_FOUND_BY_PATH_ID: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  ca_id: CA_NOT_FOUND,
  certificate_id: CERT_NOT_FOUND,
};

/** Operations without an id in their path whose not-found names an id in their body. */
const NOT_FOUND_BY_BODY: Partial<Record<CcmOperationName, { code: ErrorCode; message: string }>> = {
  CreateCertificateByCsr: { code: "ISSUER_NOT_FOUND", message: "The issuing CA does not exist in CCM." },
};

function notFoundOf(op: CcmOperationName): { code: ErrorCode; message: string } | undefined {
  const spec: CcmOperationSpec = CCM_OPERATIONS[op];
  const [id] = pathParamNames(spec.path);
  return id === undefined ? NOT_FOUND_BY_BODY[op] : NOT_FOUND_BY_PATH_ID[id];
}

/** Sentences for the console's user; ccm-client's own messages name operations, not actions. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  UPSTREAM_AUTH_FAILED:
    "CCM refused the console's credentials; check the access key, secret key and account id.",
  UPSTREAM_RATE_LIMITED: "CCM is throttling requests; try again shortly.",
  UPSTREAM_TIMEOUT: "CCM did not answer in time; try again later.",
  UPSTREAM_UNREACHABLE: "CCM cannot be reached; check the endpoint and the network, then try again.",
  UPSTREAM_BAD_RESPONSE: "CCM answered with a body the console does not understand.",
  UPSTREAM_OUTCOME_UNKNOWN:
    "The exchange with CCM broke after the request was sent; CCM may have carried it out.",
};

/**
 * Turns a ccm-client failure into the console's: ccm-client already picked the transport-level
 * code (401/403 → UPSTREAM_AUTH_FAILED, 429 → UPSTREAM_RATE_LIMITED, other 4xx →
 * UPSTREAM_REJECTED, 5xx → UPSTREAM_ERROR, timeouts → UPSTREAM_TIMEOUT, unreachable →
 * UPSTREAM_UNREACHABLE, malformed → UPSTREAM_BAD_RESPONSE, a POST that may have landed →
 * UPSTREAM_OUTCOME_UNKNOWN); this narrows the answers whose meaning CCM documents (not found →
 * CA_NOT_FOUND, CERTIFICATE_NOT_FOUND or ISSUER_NOT_FOUND), keeps CCM's status, error_code,
 * error_msg and request id in `upstream`, and flags outcome-unknown failures.
 */
export function mapCcmFailure(
  op: CcmOperationName,
  failure: CcmFailure,
  retryAfterSeconds?: number,
): UpstreamFailure {
  const upstream = failure.details.upstream ?? {};
  const errorCode = upstream.error_code;
  const notFound = notFoundOf(op);
  const looksNotFound =
    failure.code === "UPSTREAM_REJECTED" &&
    (upstream.status === 404 || (errorCode !== undefined && NOT_FOUND_CODES.has(errorCode)));
  if (notFound && looksNotFound) return { ...notFound, upstream };
  const code = failure.code;
  const message =
    code === "UPSTREAM_REJECTED"
      ? `CCM refused the request (${errorCode ?? `HTTP ${upstream.status ?? "?"}`}); see CCM's message for the reason.`
      : code === "UPSTREAM_ERROR"
        ? `CCM failed (HTTP ${upstream.status ?? "?"}); try again later.`
        : (MESSAGES[code] ?? failure.message);
  return {
    code,
    message,
    upstream,
    ...(code === "UPSTREAM_OUTCOME_UNKNOWN" ? { outcomeUnknown: true } : {}),
    ...(code === "UPSTREAM_RATE_LIMITED" && retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}

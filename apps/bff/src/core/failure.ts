import type { ApiErrorBody, ErrorCode, Failure, UpstreamError } from "@pca/contracts";

/** A coded failure on its way to the error envelope, with CCM's own words when it came from upstream. */
export interface CodedFailure extends Failure {
  readonly upstream?: UpstreamError;
}

/**
 * A coded failure thrown across layers that cannot return one (a rejected promise of an interface
 * such as `AuditLog.append`). The error middleware answers with its failure's envelope; `cause`
 * goes to the log only.
 */
export class CodedError extends Error {
  override readonly name = "CodedError";
  constructor(
    readonly failure: CodedFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.message, options);
  }
}

/**
 * The HTTP status of every stable error code, in one table (like smallstep's errorMap). Typed as a
 * full record, so adding a code to the contracts without a status here fails the type check.
 */
const STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
  NOT_READY: 503,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  TOKEN_REVOKED: 401,
  RATE_LIMITED: 429,
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  WEAK_PASSWORD: 400,
  INVALID_ID: 400,
  CSR_EMPTY: 400,
  CSR_TOO_LARGE: 413,
  CSR_TOO_LONG: 400,
  CSR_NOT_PEM: 400,
  CSR_WRONG_PEM_LABEL: 400,
  CSR_IS_CERTIFICATE: 400,
  CSR_IS_PUBLIC_KEY: 400,
  CSR_PRIVATE_KEY: 400,
  CSR_MULTIPLE_BLOCKS: 400,
  CSR_TRUNCATED: 400,
  CSR_BAD_BASE64: 400,
  CSR_NOT_DER: 400,
  CSR_DER_LENGTH_INVALID: 400,
  CSR_TRAILING_DATA: 400,
  CSR_NESTING_TOO_DEEP: 400,
  CSR_UNPARSEABLE: 400,
  CSR_SIGNATURE_INVALID: 400,
  CERTIFICATE_UNPARSEABLE: 502,
  VALIDITY_OUT_OF_RANGE: 400,
  VALIDITY_START_IN_PAST: 400,
  VALIDITY_BEYOND_ISSUER: 400,
  PATH_LENGTH_INVALID: 400,
  PATH_LENGTH_NOT_ALLOWED: 400,
  SAN_INVALID: 400,
  SAN_TOO_MANY: 400,
  ENTERPRISE_PROJECT_ID_INVALID: 400,
  ISSUER_NOT_FOUND: 400,
  ISSUER_NOT_ACTIVE: 409,
  CA_NOT_FOUND: 404,
  CA_NOT_PENDING: 409,
  CA_NOT_EXPORTABLE: 409,
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_NOT_EXPORTABLE: 409,
  IDEMPOTENCY_KEY_INVALID: 400,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  AUDIT_UNAVAILABLE: 503,
  UPSTREAM_REJECTED: 422,
  UPSTREAM_AUTH_FAILED: 502,
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNREACHABLE: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_OUTCOME_UNKNOWN: 502,
};

/** The HTTP status for a stable error code. */
export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}

/**
 * The one error envelope `{"error": {code, message, details?, upstream?}}` of a failure. Never put
 * causes or stacks in a failure: they belong in the log.
 */
export function errorEnvelope(failure: CodedFailure): ApiErrorBody {
  return {
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.details === undefined ? {} : { details: { ...failure.details } }),
      ...(failure.upstream === undefined ? {} : { upstream: failure.upstream }),
    },
  };
}

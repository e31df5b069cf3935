import { z } from "zod";

/**
 * The closed list of stable error codes the console API, the CLI and the packages return.
 * A code is a machine word scripts switch on; the message beside it is for people. Adding a
 * code is an API change: the BFF's status table and the SPA's translations must cover it.
 */
export const ERROR_CODES = [
  // Request shape and transport
  "VALIDATION_FAILED",
  "BAD_JSON",
  "BODY_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "ROUTE_NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "INTERNAL",
  "NOT_READY",
  // Authentication and authorization
  "UNAUTHENTICATED",
  "SESSION_EXPIRED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "CSRF_FAILED",
  "FORBIDDEN",
  "TOKEN_REVOKED",
  "RATE_LIMITED",
  // Users and API tokens
  "USER_EXISTS",
  "USER_NOT_FOUND",
  "TOKEN_NOT_FOUND",
  "WEAK_PASSWORD",
  // Identifiers
  "INVALID_ID",
  // CSR input (packages/pki)
  "CSR_EMPTY",
  "CSR_TOO_LARGE",
  "CSR_TOO_LONG",
  "CSR_NOT_PEM",
  "CSR_WRONG_PEM_LABEL",
  "CSR_IS_CERTIFICATE",
  "CSR_IS_PUBLIC_KEY",
  "CSR_PRIVATE_KEY",
  "CSR_MULTIPLE_BLOCKS",
  "CSR_TRUNCATED",
  "CSR_BAD_BASE64",
  "CSR_NOT_DER",
  "CSR_DER_LENGTH_INVALID",
  "CSR_TRAILING_DATA",
  "CSR_NESTING_TOO_DEEP",
  "CSR_UNPARSEABLE",
  "CSR_SIGNATURE_INVALID",
  "CERTIFICATE_UNPARSEABLE",
  // Issuance policy (CCM's documented limits)
  "VALIDITY_OUT_OF_RANGE",
  "VALIDITY_START_IN_PAST",
  "VALIDITY_BEYOND_ISSUER",
  "PATH_LENGTH_INVALID",
  "PATH_LENGTH_NOT_ALLOWED",
  "SAN_INVALID",
  "SAN_TOO_MANY",
  "ENTERPRISE_PROJECT_ID_INVALID",
  "ISSUER_NOT_FOUND",
  "ISSUER_NOT_ACTIVE",
  // CA and certificate state
  "CA_NOT_FOUND",
  "CA_NOT_PENDING",
  "CA_NOT_EXPORTABLE",
  "CERTIFICATE_NOT_FOUND",
  "CERTIFICATE_NOT_EXPORTABLE",
  // Idempotency (IETF Idempotency-Key draft)
  "IDEMPOTENCY_KEY_INVALID",
  "IDEMPOTENCY_KEY_IN_USE",
  "IDEMPOTENCY_KEY_REUSED",
  // Audit
  "AUDIT_UNAVAILABLE",
  // Upstream (CCM)
  "UPSTREAM_REJECTED",
  "UPSTREAM_AUTH_FAILED",
  "UPSTREAM_RATE_LIMITED",
  "UPSTREAM_ERROR",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_UNREACHABLE",
  "UPSTREAM_BAD_RESPONSE",
  "UPSTREAM_OUTCOME_UNKNOWN",
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

import type { CcmErrorBody, ErrorCode, Failure } from "@pca/contracts";

/**
 * Every error the emulator answers with, in one table: HTTP status, wire code and wire message.
 * Rows marked [doc] are CCM's published table (reference §4.1), [observed] what the live service
 * returns (§4.2), [gateway] API Gateway's (§4.3). Rows marked [unverified] are this emulator's
 * choice for a case CCM does not document: the reference advises PCA.00020001 (400) as the safe
 * fallback, so they all share it and differ only in their message. Change a choice here and
 * nowhere else.
 */
export const CCM_ERRORS = {
  /** [doc] generic bad parameter. */
  BAD_PARAMETER: { status: 400, code: "PCA.00020001", msg: "Incorrect parameter." },
  /** [doc] */
  INVALID_KEY_ALGORITHM: {
    status: 400,
    code: "PCA.00020102",
    msg: "Invalid key algorithm. Only RSA2048, RSA4096, EC256, and EC384 are supported.",
  },
  /** [doc] validity out of range or bad type (the text predates HOUR). */
  INVALID_VALIDITY: {
    status: 400,
    code: "PCA.00020109",
    msg: "Invalid validity period type or value. Only year, month, or day supported.",
  },
  /** [doc] malformed id, for any id in a path or body (the text names CA ids only). */
  INVALID_ID: {
    status: 400,
    code: "PCA.00020201",
    msg: "Invalid CA ID. Valid CA IDs use a hexadecimal xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx format.",
  },
  /** [doc] path length out of range; the published message is truncated, this completes it. */
  INVALID_PATH_LENGTH: {
    status: 400,
    code: "PCA.00020203",
    msg: "Invalid CA path length. The path length must be an integer from 0 to 6 and smaller than the issuer's.",
  },
  /**
   * [observed] not found: the live service answers a missing CA or certificate with 400
   * PCA.10010002, not the documented 404 PCA.00030102 (reference §4.2). The live message was not
   * captured; this one is the doc table's text for PCA.00030102.
   */
  NOT_FOUND: { status: 400, code: "PCA.10010002", msg: "CA or certificate is not found." },
  /** [unverified] CSR does not parse, or its self-signature does not verify. */
  INVALID_CSR: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. The certificate signing request is invalid or its signature does not verify.",
  },
  /** [unverified] path_length given with ENTITY_CERT (the doc: path_length applies to CAs only). */
  PATH_LENGTH_NOT_ALLOWED: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. path_length applies only when type is INTERMEDIATE_CA.",
  },
  /** [unverified] the issuing CA exists but is not ACTIVED. */
  ISSUER_NOT_ACTIVE: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. Only a CA in the ACTIVED state can issue certificates.",
  },
  /** [unverified] ExportCertificateAuthorityCsr on a CA that is not PENDING. */
  CA_NOT_PENDING: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. The CSR can be exported only while the CA is pending activation.",
  },
  /** [unverified] ExportCertificateAuthorityCertificate on a CA that is not ACTIVED or EXPIRED. */
  CA_NOT_EXPORTABLE: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. A CA certificate can be exported only when the CA is ACTIVED or EXPIRED.",
  },
  /** [unverified] ExportCertificate on a certificate that is not ISSUED. */
  CERTIFICATE_NOT_EXPORTABLE: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. A certificate can be exported only when it is ISSUED.",
  },
  /** [unverified] the fixed private-certificate quota (100 000) is used up. */
  QUOTA_EXCEEDED: {
    status: 400,
    code: "PCA.00020001",
    msg: "Incorrect parameter. The private certificate quota is used up.",
  },
  /** [unverified] a body that is not JSON or not an object. */
  BAD_JSON: { status: 400, code: "PCA.00020001", msg: "Incorrect parameter. The body is not valid JSON." },
  /** [gateway] missing or wrong signature, token, or X-Sdk-Date; the text after the colon is ours. */
  AUTH_FAILED: { status: 401, code: "APIGW.0301", msg: "Incorrect IAM authentication information:" },
  /** [gateway, unverified body] AK/SK bodies are limited to 12 MB. */
  BODY_TOO_LARGE: { status: 413, code: "APIGW.0201", msg: "Request entity too large." },
  /** [gateway, unverified] a path or method API Gateway does not publish. */
  NO_SUCH_API: {
    status: 404,
    code: "APIGW.0101",
    msg: "The API does not exist or has not been published in the environment.",
  },
  /** [unverified] an internal failure of the emulator itself, and the default body of an injected 5xx. */
  INTERNAL: { status: 500, code: "PCA.10010001", msg: "Internal server error." },
  /** [unverified] the default body of an injected 503. */
  UNAVAILABLE: { status: 503, code: "PCA.10010001", msg: "Service unavailable." },
} as const satisfies Record<string, { status: number; code: string; msg: string }>;

export type CcmErrorName = keyof typeof CCM_ERRORS;

/** An error on its way to the wire: a row of CCM_ERRORS, optionally with a more precise message. */
export class CcmError extends Error {
  readonly status: number;
  readonly body: CcmErrorBody;

  constructor(name: CcmErrorName, detail?: string) {
    const row = CCM_ERRORS[name];
    const msg = detail === undefined ? row.msg : `${row.msg} ${detail}`.slice(0, 1024);
    super(msg);
    this.name = "CcmError";
    this.status = row.status;
    this.body = { error_code: row.code, error_msg: msg };
  }
}

/**
 * Which CCM error an input the operation's schemas refused becomes, by the contracts code: the
 * documented codes where CCM has one (an id, the validity, the path length), PCA.00020001 else.
 */
const INPUT_ERRORS: Partial<Record<ErrorCode, CcmErrorName>> = {
  INVALID_ID: "INVALID_ID",
  VALIDITY_OUT_OF_RANGE: "INVALID_VALIDITY",
  PATH_LENGTH_INVALID: "INVALID_PATH_LENGTH",
  PATH_LENGTH_NOT_ALLOWED: "PATH_LENGTH_NOT_ALLOWED",
};

/** The CCM error for a refused input, naming the field. */
export const inputError = (failure: Failure): CcmError =>
  new CcmError(INPUT_ERRORS[failure.code] ?? "BAD_PARAMETER", failure.message || undefined);

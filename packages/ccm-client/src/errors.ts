import type { ErrorCode, Failure, IssueDetail, UpstreamError } from "@pca/contracts";

/** Details of a client failure. Never holds a credential, a token, a header or a body. */
export type CcmFailureDetails = {
  /** The CCM operation, e.g. `CreateCertificateByCsr`. */
  readonly operation: string;
  /** How many HTTP exchanges were attempted (0 when the input was refused before sending). */
  readonly attempts: number;
  /** What CCM (or its gateway) said, as the BFF's error envelope carries it in `upstream`. */
  readonly upstream?: UpstreamError;
  /** Schema issues of a refused input or an unreadable response (paths and messages only). */
  readonly issues?: readonly IssueDetail[];
  /** The transport's error code (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`…) when there was one. */
  readonly cause?: string;
};

export interface CcmFailure extends Failure {
  readonly details: CcmFailureDetails;
}

/** A client result: a value, or a coded failure with the upstream's status, code, message and request id. */
export type CcmResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CcmFailure };

/** Builds a failed CcmResult. */
export const ccmFail = (
  code: ErrorCode,
  message: string,
  details: CcmFailureDetails,
): { readonly ok: false; readonly error: CcmFailure } => ({ ok: false, error: { code, message, details } });

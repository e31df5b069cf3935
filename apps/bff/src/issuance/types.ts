import type {
  CertificateAuthority,
  CreateCertificateByCsrRequest,
  IssueCertificateResponse,
  ValidityWindow,
} from "@pca/contracts";
import type { Actor } from "../core/actor";
import type { AuditLog } from "../core/audit-port";
import type { CcmPort, UpstreamFailure } from "../upstream/port";
import type { CsrReading, PkiReaders } from "./readers";
import type { AttemptContext } from "./steps/record";

export interface IssueDeps extends PkiReaders {
  readonly ccm: Pick<
    CcmPort,
    "showCertificateAuthority" | "createCertificateByCsr" | "listCertificates" | "exportCertificate"
  >;
  readonly audit: AuditLog;
  readonly now: () => number;
  /** Called when an outcome event could not be stored even after retries (for the log). */
  readonly onAuditLost?: (action: string, attemptId: string) => void;
  /** Wait before the second look for a certificate of unknown outcome; default 1 s. */
  readonly reconcileRetryMs?: number;
}

export interface IssueCommand {
  readonly actor: Actor;
  readonly requestId: string;
  /** The JSON body as received: CCM's CreateCertificateByCsr request. */
  readonly body: unknown;
  /** The attempt's id (default: a new UUID); the issue handler keeps it with the Idempotency-Key. */
  readonly attemptId?: string;
}

/**
 * `final` says whether the answer may be replayed for the same Idempotency-Key: true for refusals
 * and for anything that reached CCM, false when nothing happened for a passing reason (the audit
 * log or CCM could not be reached before the attempt), so a retry may still succeed.
 */
export type IssueOutcome =
  | { readonly ok: true; readonly value: IssueCertificateResponse }
  | {
      readonly ok: false;
      readonly error: UpstreamFailure;
      readonly final: boolean;
      /** refused: nothing was sent to CCM; failed: CCM did not issue; unknown: it may have. */
      readonly stage: "refused" | "failed" | "unknown";
    };

/** One attempt that passed every check, on its way to CCM. */
export interface Attempt {
  readonly deps: IssueDeps;
  readonly ctx: AttemptContext;
  readonly request: CreateCertificateByCsrRequest;
  readonly csr: CsrReading;
  readonly issuer: CertificateAuthority;
  readonly window: ValidityWindow;
}

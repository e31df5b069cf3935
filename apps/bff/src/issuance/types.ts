import type { IssueCertificateResponse } from "@pca/contracts";
import type { CommandOutcome } from "../commands/command";
import type { RunnerDeps } from "../commands/run-command";
import type { Actor } from "../core/actor";
import type { CcmPort } from "../upstream/port";
import type { PkiReaders } from "./readers";

/** What issuing needs: pki's readers, the CCM operations it calls, and the runner's audit and clock. */
export interface IssueDeps extends PkiReaders, RunnerDeps {
  readonly ccm: Pick<
    CcmPort,
    "showCertificateAuthority" | "createCertificateByCsr" | "listCertificates" | "exportCertificate"
  >;
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
export type IssueOutcome = CommandOutcome<IssueCertificateResponse>;

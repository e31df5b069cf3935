import { randomUUID } from "node:crypto";
import type {
  CertificateAuthority,
  CreateCertificateByCsrRequest,
  Failure,
  IssueCertificateResponse,
  ValidityWindow,
} from "@pca/contracts";
import type { Actor, AuditLog } from "../http/context";
import type { CcmPort, UpstreamFailure } from "../upstream/port";
import type { CsrReading, PkiReaders } from "./readers";
import { findIssuedCertificate } from "./reconcile";
import { checkPolicy } from "./steps/check-policy";
import { loadIssuer } from "./steps/load-issuer";
import { parseRequest, readRequestCsr } from "./steps/read-request";
import {
  type AttemptContext,
  appendBeforeUpstream,
  appendOutcome,
  failureDetails,
  issuanceEvent,
} from "./steps/record";

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

/**
 * Issues a certificate from a CSR, in DESIGN's order: schema → pki decode/normalise/preview →
 * policy (issuer exists and is ACTIVED, path length, validity) → audit `requested` (fail closed) →
 * CCM CreateCertificateByCsr with the normalised wire CSR (never retried) → audit `succeeded`,
 * `failed`, or `unknown` then reconcile → answer. Every refusal before CCM is audited as `refused`.
 */
export async function issueCertificate(deps: IssueDeps, command: IssueCommand): Promise<IssueOutcome> {
  const ctx: AttemptContext = { actor: command.actor, requestId: command.requestId, attemptId: randomUUID() };
  const request = parseRequest(command.body);
  if (!request.ok) return refuse(deps, ctx, null, request.error);
  const issuerId = request.value.issuer_id;
  const csr = await readRequestCsr(deps.readCsr, request.value.csr);
  if (!csr.ok) return refuse(deps, ctx, issuerId, csr.error);
  const issuer = await loadIssuer(deps.ccm, issuerId);
  // CCM unreachable while reading the issuer is passing: the same Idempotency-Key may retry.
  if (!issuer.ok) return refuse(deps, ctx, issuerId, issuer.error, issuer.error.code === "ISSUER_NOT_FOUND");
  const window = checkPolicy(request.value, issuer.value, deps.now());
  if (!window.ok) return refuse(deps, ctx, issuerId, window.error);

  const attempt = {
    deps,
    ctx,
    request: request.value,
    csr: csr.value,
    issuer: issuer.value,
    window: window.value,
  };
  const requested = await appendBeforeUpstream(deps.audit, requestedEvent(attempt));
  if (!requested) return auditUnavailable();
  const sentAt = deps.now();
  const created = await deps.ccm.createCertificateByCsr(wireBody(request.value, csr.value));
  if (created.ok) return succeeded(attempt, created.value.certificate_id, created.requestId);
  if (created.error.outcomeUnknown) return reconcileUnknown(attempt, created.error, sentAt);
  return failed(attempt, created.error);
}

interface Attempt {
  readonly deps: IssueDeps;
  readonly ctx: AttemptContext;
  readonly request: CreateCertificateByCsrRequest;
  readonly csr: CsrReading;
  readonly issuer: CertificateAuthority;
  readonly window: ValidityWindow;
}

/** CCM's body, field by field: the CSR is pki's normalised wire form, nothing else is added. */
function wireBody(request: CreateCertificateByCsrRequest, csr: CsrReading): CreateCertificateByCsrRequest {
  return {
    issuer_id: request.issuer_id,
    csr: csr.wire.csr,
    validity: request.validity,
    ...(request.type === undefined ? {} : { type: request.type }),
    ...(request.path_length === undefined ? {} : { path_length: request.path_length }),
    ...(request.subject_alternative_names === undefined
      ? {}
      : { subject_alternative_names: request.subject_alternative_names }),
    ...(request.enterprise_project_id === undefined
      ? {}
      : { enterprise_project_id: request.enterprise_project_id }),
  };
}

function requestedEvent(a: Attempt) {
  return issuanceEvent(a.ctx, "certificate.issue.requested", "success", a.request.issuer_id, {
    issuer_id: a.request.issuer_id,
    type: a.request.type ?? "ENTITY_CERT",
    path_length: a.request.path_length ?? null,
    validity: a.request.validity,
    not_before: a.window.notBefore,
    not_after: a.window.notAfter,
    subject: a.csr.preview.subject,
    csr_sha256: a.csr.preview.fingerprints.sha256,
    spki_sha256: a.csr.preview.fingerprints.spkiSha256,
  });
}

function answer(
  a: Attempt,
  certificateId: string,
  upstreamRequestId: string | null,
  window = a.window,
): IssueOutcome {
  return {
    ok: true,
    value: {
      certificate_id: certificateId,
      issuer_id: a.request.issuer_id,
      type: a.request.type ?? "ENTITY_CERT",
      not_before: window.notBefore,
      not_after: window.notAfter,
      upstream_request_id: upstreamRequestId,
    },
  };
}

async function record(deps: IssueDeps, ctx: AttemptContext, event: ReturnType<typeof issuanceEvent>) {
  if (!(await appendOutcome(deps.audit, event))) deps.onAuditLost?.(event.action, ctx.attemptId);
}

async function succeeded(a: Attempt, certificateId: string, upstreamRequestId: string | null) {
  await record(
    a.deps,
    a.ctx,
    issuanceEvent(
      a.ctx,
      "certificate.issue.succeeded",
      "success",
      certificateId,
      {
        certificate_id: certificateId,
        issuer_id: a.request.issuer_id,
      },
      upstreamRequestId,
    ),
  );
  return answer(a, certificateId, upstreamRequestId);
}

/** CCM surely did nothing and may well accept the same request a moment later. */
const PASSING = new Set(["UPSTREAM_RATE_LIMITED", "UPSTREAM_UNREACHABLE", "UPSTREAM_AUTH_FAILED"]);

async function failed(a: Attempt, error: UpstreamFailure): Promise<IssueOutcome> {
  await record(
    a.deps,
    a.ctx,
    issuanceEvent(
      a.ctx,
      "certificate.issue.failed",
      "failure",
      a.request.issuer_id,
      failureDetails(error),
      error.upstream?.request_id ?? null,
    ),
  );
  return { ok: false, error, final: !PASSING.has(error.code), stage: "failed" };
}

/** CCM may have issued before the connection died: say so, then look for the certificate. */
async function reconcileUnknown(a: Attempt, error: UpstreamFailure, sentAt: number): Promise<IssueOutcome> {
  const { deps, ctx } = a;
  await record(
    deps,
    ctx,
    issuanceEvent(
      ctx,
      "certificate.issue.unknown",
      "unknown",
      a.request.issuer_id,
      failureDetails(error),
      error.upstream?.request_id ?? null,
    ),
  );
  const input = {
    issuerId: a.request.issuer_id,
    spkiSha256: a.csr.preview.fingerprints.spkiSha256,
    kind: a.request.type ?? "ENTITY_CERT",
    sentAt,
  };
  let found = await findIssuedCertificate(deps, input);
  if (found.kind !== "found" && input.kind === "ENTITY_CERT") {
    await new Promise((r) => setTimeout(r, deps.reconcileRetryMs ?? 1000));
    found = await findIssuedCertificate(deps, input);
  }
  if (found.kind === "found") {
    const id = found.certificate.certificate_id;
    await record(
      deps,
      ctx,
      issuanceEvent(ctx, "certificate.issue.reconciled", "success", id, {
        certificate_id: id,
        issuer_id: a.request.issuer_id,
        after: error.code,
      }),
    );
    const { not_before, not_after } = found.certificate;
    const window =
      not_before != null && not_after != null ? { notBefore: not_before, notAfter: not_after } : a.window;
    return answer(a, id, null, window);
  }
  if (found.kind === "unavailable") {
    return {
      ok: false,
      final: true,
      stage: "unknown",
      error: {
        ...error,
        code: "UPSTREAM_OUTCOME_UNKNOWN",
        message:
          "CCM did not confirm the issuance and could not be searched for the certificate; the attempt stays recorded as of unknown outcome. Check the certificate list before trying again.",
        details: { cause: error.code, outcome: "unknown" },
      },
    };
  }
  await record(
    deps,
    ctx,
    issuanceEvent(ctx, "certificate.issue.failed", "failure", a.request.issuer_id, {
      ...failureDetails(error),
      reconciled: false,
      reason: found.reason,
      checked: found.checked,
    }),
  );
  return {
    ok: false,
    final: true,
    stage: "failed",
    error: {
      ...error,
      message: `${error.message} No certificate with the CSR's public key was found, so the attempt is recorded as failed.`,
      details: { cause: error.code, outcome: "failed" },
    },
  };
}

async function refuse(
  deps: IssueDeps,
  ctx: AttemptContext,
  issuerId: string | null,
  error: Failure | UpstreamFailure,
  final = true,
): Promise<IssueOutcome> {
  await record(
    deps,
    ctx,
    issuanceEvent(ctx, "certificate.issue.refused", "failure", issuerId, {
      code: error.code,
      message: error.message,
    }),
  );
  return { ok: false, error, final, stage: "refused" };
}

function auditUnavailable(): IssueOutcome {
  return {
    ok: false,
    final: false,
    stage: "refused",
    error: {
      code: "AUDIT_UNAVAILABLE",
      message: "The audit log cannot be written, so nothing was sent to CCM. Try again shortly.",
    },
  };
}

import { randomUUID } from "node:crypto";
import type { CreateCertificateByCsrRequest } from "@pca/contracts";
import type { CsrReading } from "./readers";
import { checkPolicy } from "./steps/check-policy";
import { loadIssuer } from "./steps/load-issuer";
import { parseRequest, readRequestCsr } from "./steps/read-request";
import { reconcileUnknown } from "./steps/reconcile-unknown";
import { type AttemptContext, appendBeforeUpstream } from "./steps/record";
import { auditUnavailable, failed, refuse, requestedEvent, succeeded } from "./steps/settle";
import type { Attempt, IssueCommand, IssueDeps, IssueOutcome } from "./types";

export type { IssueCommand, IssueDeps, IssueOutcome } from "./types";

/**
 * Issues a certificate from a CSR, in DESIGN's order: schema → pki decode/normalise/preview →
 * policy (issuer exists and is ACTIVED, path length, validity) → audit `requested` (fail closed) →
 * CCM CreateCertificateByCsr with the normalised wire CSR (never retried) → audit `succeeded`,
 * `failed`, or `unknown` then reconcile → answer. Every refusal before CCM is audited as `refused`.
 */
export async function issueCertificate(deps: IssueDeps, command: IssueCommand): Promise<IssueOutcome> {
  const ctx: AttemptContext = {
    actor: command.actor,
    requestId: command.requestId,
    attemptId: command.attemptId ?? randomUUID(),
  };
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

  const attempt: Attempt = {
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

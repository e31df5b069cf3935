import type { Failure } from "@pca/contracts";
import type { UpstreamFailure } from "../../upstream/port";
import type { Attempt, IssueDeps, IssueOutcome } from "../types";
import { type AttemptContext, appendOutcome, failureDetails, issuanceEvent } from "./record";

/** The event written before anything is sent: what is asked, of whom, for which key. */
export function requestedEvent(a: Attempt) {
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

/** The success answer: CCM's certificate_id and the window the console computed. */
export function answer(
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

/** Appends an outcome event, reporting a lost one to `onAuditLost`. */
export async function record(deps: IssueDeps, ctx: AttemptContext, event: ReturnType<typeof issuanceEvent>) {
  if (!(await appendOutcome(deps.audit, event))) deps.onAuditLost?.(event.action, ctx.attemptId);
}

/** Step 6, success: `succeeded` with the certificate_id and CCM's request id. */
export async function succeeded(a: Attempt, certificateId: string, upstreamRequestId: string | null) {
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

/** Step 6, failure: `failed` with CCM's error_code and error_msg. */
export async function failed(a: Attempt, error: UpstreamFailure): Promise<IssueOutcome> {
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

/** A request stopped before CCM: audited as `refused` with its code. */
export async function refuse(
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

/** The `requested` event could not be written: nothing is sent (the audit fails closed). */
export function auditUnavailable(): IssueOutcome {
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

import type { UpstreamFailure } from "../../upstream/port";
import { findIssuedCertificate } from "../reconcile";
import type { Attempt, IssueOutcome } from "../types";
import { failureDetails, issuanceEvent } from "./record";
import { answer, record } from "./settle";

/** CCM may have issued before the connection died: say so, then look for the certificate. */
export async function reconcileUnknown(
  a: Attempt,
  error: UpstreamFailure,
  sentAt: number,
): Promise<IssueOutcome> {
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
  if (found.kind === "unavailable" || found.kind === "unsearchable") {
    const why =
      found.kind === "unavailable"
        ? "could not be searched for the certificate"
        : "does not list CAs issued from a CSR, so the new CA cannot be looked for";
    return {
      ok: false,
      final: true,
      stage: "unknown",
      error: {
        ...error,
        code: "UPSTREAM_OUTCOME_UNKNOWN",
        message: `CCM did not confirm the issuance and ${why}; the attempt stays recorded as of unknown outcome. Check CCM before trying again.`,
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

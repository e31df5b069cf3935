import {
  type CertificateAuthority,
  type CreateCertificateByCsrRequest,
  type CreateCertificateByCsrResponse,
  type IssueCertificateResponse,
  IssueCertificateResponseSchema,
  type ValidityWindow,
} from "@pca/contracts";
import type { CommandDefinition, Settled } from "../commands/command";
import type { UpstreamFailure } from "../upstream/port";
import type { CsrReading } from "./readers";
import { findIssuedCertificate } from "./reconcile";
import { issuanceRecovery, type RequestedIssuance } from "./recover-issuance";
import { checkPolicy } from "./steps/check-policy";
import { loadIssuer } from "./steps/load-issuer";
import { parseRequest, readRequestCsr } from "./steps/read-request";
import type { IssueDeps } from "./types";

/** An issuance that passed every check, on its way to CCM. */
export interface PreparedIssuance {
  readonly request: CreateCertificateByCsrRequest;
  readonly csr: CsrReading;
  readonly issuer: CertificateAuthority;
  readonly window: ValidityWindow;
}

const refusal = (error: UpstreamFailure, target: string | null, final = true) =>
  ({ ok: false, refusal: { error, target, final } }) as const;

/**
 * Issuing a certificate from a CSR as a command of the runner: schema → pki decode / normalise /
 * preview → policy (issuer exists and is ACTIVED, path length, validity) → CCM's
 * CreateCertificateByCsr with the normalised wire CSR. A lost answer is reconciled by looking for a
 * certificate of the issuer whose public key is the CSR's.
 */
export function issueCommand(
  deps: IssueDeps,
): CommandDefinition<PreparedIssuance, IssueCertificateResponse, RequestedIssuance> {
  const answer = (
    p: PreparedIssuance,
    certificateId: string,
    upstreamRequestId: string | null,
    window = p.window,
  ): IssueCertificateResponse => ({
    certificate_id: certificateId,
    issuer_id: p.request.issuer_id,
    type: p.request.type ?? "ENTITY_CERT",
    not_before: window.notBefore,
    not_after: window.notAfter,
    upstream_request_id: upstreamRequestId,
  });
  const settled = (
    p: PreparedIssuance,
    certificateId: string,
    upstreamRequestId: string | null,
    window = p.window,
  ): Settled<IssueCertificateResponse> => ({
    target: certificateId,
    details: { certificate_id: certificateId, issuer_id: p.request.issuer_id },
    status: 201,
    // Checked against the contract on the way out (and into the Idempotency-Key record).
    body: IssueCertificateResponseSchema.parse(answer(p, certificateId, upstreamRequestId, window)),
  });

  return {
    action: "certificate.issue",

    async prepare(input) {
      const request = parseRequest(input);
      if (!request.ok) return refusal(request.error, null);
      const issuerId = request.value.issuer_id;
      const csr = await readRequestCsr(deps.readCsr, request.value.csr);
      if (!csr.ok) return refusal(csr.error, issuerId);
      const issuer = await loadIssuer(deps.ccm, issuerId);
      // CCM unreachable while reading the issuer is passing: the same Idempotency-Key may retry.
      if (!issuer.ok) return refusal(issuer.error, issuerId, issuer.error.code === "ISSUER_NOT_FOUND");
      const window = checkPolicy(request.value, issuer.value, deps.now());
      if (!window.ok) return refusal(window.error, issuerId);
      return {
        ok: true,
        value: { request: request.value, csr: csr.value, issuer: issuer.value, window: window.value },
      };
    },

    // What is asked, of whom, for which key; never the CSR itself. Recovery reads these back.
    requested: (p) => ({
      target: p.request.issuer_id,
      details: {
        issuer_id: p.request.issuer_id,
        type: p.request.type ?? "ENTITY_CERT",
        path_length: p.request.path_length ?? null,
        validity: p.request.validity,
        not_before: p.window.notBefore,
        not_after: p.window.notAfter,
        subject: p.csr.preview.subject,
        csr_sha256: p.csr.preview.fingerprints.sha256,
        spki_sha256: p.csr.preview.fingerprints.spkiSha256,
      },
    }),

    send: (p) => deps.ccm.createCertificateByCsr(wireBody(p.request, p.csr)),

    succeeded: (p, value, upstreamRequestId) =>
      settled(p, (value as CreateCertificateByCsrResponse).certificate_id, upstreamRequestId),

    target: (p) => p.request.issuer_id,

    async reconcile(p, sentAt) {
      const input = {
        issuerId: p.request.issuer_id,
        spkiSha256: p.csr.preview.fingerprints.spkiSha256,
        kind: p.request.type ?? "ENTITY_CERT",
        sentAt,
      };
      let found = await findIssuedCertificate(deps, input);
      // CCM may list a new certificate a moment after creating it.
      if (found.kind !== "found" && input.kind === "ENTITY_CERT") {
        await new Promise((r) => setTimeout(r, deps.reconcileRetryMs ?? 1000));
        found = await findIssuedCertificate(deps, input);
      }
      switch (found.kind) {
        case "found": {
          const { certificate_id: id, not_before, not_after } = found.certificate;
          const window =
            not_before != null && not_after != null
              ? { notBefore: not_before, notAfter: not_after }
              : p.window;
          return { kind: "found", ...settled(p, id, null, window) };
        }
        case "unavailable":
          return { kind: "undecidable", reason: "could not be searched for the certificate" };
        case "unsearchable":
          return {
            kind: "undecidable",
            reason: "does not list CAs issued from a CSR, so the new CA cannot be looked for",
          };
        case "not-found":
          return { kind: "absent", reason: found.reason, details: { checked: found.checked } };
      }
    },

    recovery: issuanceRecovery(deps),
  };
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

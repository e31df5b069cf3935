import {
  type ApiErrorBody,
  IssueCertificateResponseSchema,
  IssuedCertificateTypeSchema,
} from "@pca/contracts";
import { z } from "zod";
import type { CommandRecovery, Recovered } from "../commands/command";
import { CLOCK_MARGIN_MS, findIssuedCertificates, type ReconcileDeps } from "./reconcile";

/** What an issuance's `requested` event says: enough to look for its certificate and to answer. */
const RequestedSchema = z.object({
  issuer_id: z.string(),
  type: IssuedCertificateTypeSchema,
  spki_sha256: z.string(),
  not_before: z.number(),
  not_after: z.number(),
});
export type RequestedIssuance = z.infer<typeof RequestedSchema>;

/** What a `succeeded` or `reconciled` event may add to the answer. */
const OutcomeSchema = z.object({
  certificate_id: z.string().nullish(),
  not_before: z.number().nullish(),
  not_after: z.number().nullish(),
});

/** Pages of CCM's certificate list walked, newest first (100 a page: 5,000 certificates). */
const MAX_PAGES = 50;

const UNKNOWN: ApiErrorBody = {
  error: {
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    message:
      "The console stopped before CCM answered and CCM lists no CA issued from a CSR, so whether it was issued is unknown. Check CCM before trying again.",
    details: { outcome: "unknown" },
  },
};

/**
 * How interrupted issuances are settled after a crash: as the in-request reconciliation does, by
 * looking for a certificate of the issuer whose public key is the CSR's (one walk of CCM's list for
 * all of them). An INTERMEDIATE_CA, which CCM never lists, is recorded as of unknown outcome.
 */
export function issuanceRecovery(deps: ReconcileDeps): CommandRecovery<RequestedIssuance> {
  return {
    parseRequested: (details) => RequestedSchema.safeParse(details).data ?? null,

    unknownIsFinal: (request) => request.type === "INTERMEDIATE_CA",

    async recover(open, { linkedTargets }) {
      const decided = new Map<string, Recovered>();
      for (const attempt of open) {
        if (attempt.request.type !== "INTERMEDIATE_CA") continue;
        decided.set(attempt.attemptId, {
          kind: "unknown",
          target: attempt.request.issuer_id,
          details: {
            code: "UPSTREAM_OUTCOME_UNKNOWN",
            reason:
              "The console stopped before CCM answered, and CCM lists no CA issued from a CSR to match.",
          },
        });
      }
      const entities = open.filter((a) => a.request.type === "ENTITY_CERT");
      if (entities.length === 0) return decided;
      const since = Math.min(...entities.map((a) => a.time)) - CLOCK_MARGIN_MS;
      const wanted = entities.map((a) => ({
        attemptId: a.attemptId,
        issuerId: a.request.issuer_id,
        spkiSha256: a.request.spki_sha256,
      }));
      const searched = await findIssuedCertificates(deps, wanted, since, {
        maxPages: MAX_PAGES,
        exclude: linkedTargets,
      });
      if (searched.kind === "unavailable") return decided;
      for (const attempt of entities) {
        const c = searched.found.get(attempt.attemptId);
        decided.set(
          attempt.attemptId,
          c
            ? {
                kind: "reconciled",
                target: c.certificate_id,
                details: {
                  certificate_id: c.certificate_id,
                  issuer_id: attempt.request.issuer_id,
                  after: "INTERRUPTED",
                  not_before: c.not_before ?? undefined,
                  not_after: c.not_after ?? undefined,
                },
              }
            : {
                kind: "failed",
                target: attempt.request.issuer_id,
                details: {
                  code: "UPSTREAM_OUTCOME_UNKNOWN",
                  reconciled: false,
                  reason:
                    "The console stopped before CCM answered; no certificate with the CSR's public key was found.",
                  checked: searched.checked,
                },
              },
        );
      }
      return decided;
    },

    answer(request, settled) {
      if (!settled) return request ? "open" : "release";
      if (settled.action === "failed" || settled.action === "refused") return "release";
      if (settled.action === "unknown") return { status: 502, body: UNKNOWN };
      const outcome = OutcomeSchema.safeParse(settled.details).data;
      const certificateId = outcome?.certificate_id ?? settled.target;
      if (!request || !certificateId) return "open";
      const body = IssueCertificateResponseSchema.parse({
        certificate_id: certificateId,
        issuer_id: request.issuer_id,
        type: request.type,
        not_before: outcome?.not_before ?? request.not_before,
        not_after: outcome?.not_after ?? request.not_after,
        upstream_request_id: settled.upstreamRequestId,
      });
      return { status: 201, body };
    },
  };
}

import type { Certificate, IssuedCertificateType } from "@pca/contracts";
import type { CcmPort, UpstreamFailure } from "../upstream/port";
import type { ReadCertificate } from "./readers";

export interface ReconcileInput {
  readonly issuerId: string;
  /** SHA-256 of the CSR's SubjectPublicKeyInfo DER, lower-case hex (pki's spkiSha256). */
  readonly spkiSha256: string;
  readonly kind: IssuedCertificateType;
  /** When the attempt was sent, ms since the epoch. */
  readonly sentAt: number;
}

export type ReconcileResult =
  | { readonly kind: "found"; readonly certificate: Certificate; readonly checked: number }
  | { readonly kind: "not-found"; readonly checked: number; readonly reason: string }
  | { readonly kind: "unavailable"; readonly error: UpstreamFailure }
  /** The kind of result CCM keeps out of every list: the outcome cannot be settled here. */
  | { readonly kind: "unsearchable"; readonly reason: string };

export interface ReconcileDeps {
  readonly ccm: Pick<CcmPort, "listCertificates" | "exportCertificate">;
  readonly readCertificate: ReadCertificate;
}

const PAGE = 100;
const MAX_PAGES = 5;
/** CCM's clock and ours may differ; look this far before the send time. */
export const CLOCK_MARGIN_MS = 5 * 60 * 1000;

/** One attempt to look for in a batch: its id, issuer and the CSR's public key. */
export interface WantedCertificate {
  readonly attemptId: string;
  readonly issuerId: string;
  readonly spkiSha256: string;
}

export type BatchReconcileResult =
  | { readonly kind: "searched"; readonly found: ReadonlyMap<string, Certificate>; readonly checked: number }
  | { readonly kind: "unavailable"; readonly error: UpstreamFailure };

/**
 * Looks for the certificates attempts of unknown outcome may have created, in one walk of CCM's
 * certificate list, newest first, back to `since`: each candidate of a wanted issuer is exported
 * once and its public key compared with every wanted CSR's. (CCM's ShowCertificate carries no key,
 * so the comparison needs ExportCertificate, a read despite being a POST.) A certificate in
 * `exclude` (already linked to another attempt) or already matched is never matched again.
 * `found` maps attempt ids to their certificates.
 */
export async function findIssuedCertificates(
  deps: ReconcileDeps,
  wanted: readonly WantedCertificate[],
  since: number,
  options: { readonly maxPages?: number; readonly exclude?: ReadonlySet<string> } = {},
): Promise<BatchReconcileResult> {
  const found = new Map<string, Certificate>();
  const issuers = new Set(wanted.map((w) => w.issuerId));
  let checked = 0;
  for (let page = 0; page < (options.maxPages ?? MAX_PAGES) && found.size < wanted.length; page++) {
    const listed = await deps.ccm.listCertificates({
      limit: PAGE,
      offset: page * PAGE,
      sort_key: "create_time",
      sort_dir: "DESC",
    });
    if (!listed.ok) return { kind: "unavailable", error: listed.error };
    for (const certificate of listed.value.certificates) {
      if ((certificate.create_time ?? since) < since) return { kind: "searched", found, checked };
      const issuerId = certificate.issuer_id ?? "";
      if (!issuers.has(issuerId) || options.exclude?.has(certificate.certificate_id)) continue;
      const exported = await deps.ccm.exportCertificate(certificate.certificate_id, {
        is_compressed: "false",
        type: "OTHER",
      });
      if (!exported.ok) return { kind: "unavailable", error: exported.error };
      checked++;
      const preview = await deps.readCertificate(exported.value.certificate);
      if (!preview.ok) continue;
      const spki = preview.value.fingerprints.spkiSha256;
      const match = wanted.find(
        (w) => !found.has(w.attemptId) && w.issuerId === issuerId && w.spkiSha256 === spki,
      );
      if (match) found.set(match.attemptId, certificate);
      if (found.size === wanted.length) break;
    }
    if (listed.value.certificates.length < PAGE) break;
  }
  return { kind: "searched", found, checked };
}

/**
 * Looks for the certificate one attempt of unknown outcome may have created: CCM's certificate
 * list back to shortly before the attempt was sent, narrowed to the issuer, each candidate's public
 * key compared with the CSR's (findIssuedCertificates). An INTERMEDIATE_CA is never in CCM's lists
 * (reference §2.2): "unsearchable", its outcome stays unknown.
 */
export async function findIssuedCertificate(
  deps: ReconcileDeps,
  input: ReconcileInput,
): Promise<ReconcileResult> {
  if (input.kind === "INTERMEDIATE_CA") {
    return {
      kind: "unsearchable",
      reason: "CCM lists no CA issued from a CSR as INTERMEDIATE_CA, so the attempt cannot be matched.",
    };
  }
  const wanted = { attemptId: "attempt", issuerId: input.issuerId, spkiSha256: input.spkiSha256 };
  const searched = await findIssuedCertificates(deps, [wanted], input.sentAt - CLOCK_MARGIN_MS);
  if (searched.kind === "unavailable") return searched;
  const certificate = searched.found.get(wanted.attemptId);
  if (certificate) return { kind: "found", certificate, checked: searched.checked };
  return {
    kind: "not-found",
    checked: searched.checked,
    reason: "No certificate with the CSR's public key was found",
  };
}

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
const CLOCK_MARGIN_MS = 5 * 60 * 1000;

/**
 * Looks for the certificate an attempt of unknown outcome may have created: CCM's certificate list,
 * newest first, back to shortly before the attempt was sent, narrowed to the issuer; each candidate
 * is exported and its public key compared with the CSR's. (CCM's ShowCertificate carries no key,
 * so the comparison needs ExportCertificate, a read despite being a POST.) An INTERMEDIATE_CA is
 * never in CCM's lists (reference §2.2): "unsearchable", its outcome stays unknown.
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
  const since = input.sentAt - CLOCK_MARGIN_MS;
  let checked = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listed = await deps.ccm.listCertificates({
      limit: PAGE,
      offset: page * PAGE,
      sort_key: "create_time",
      sort_dir: "DESC",
    });
    if (!listed.ok) return { kind: "unavailable", error: listed.error };
    for (const certificate of listed.value.certificates) {
      if ((certificate.create_time ?? since) < since) {
        return { kind: "not-found", checked, reason: "No certificate with the CSR's public key was found." };
      }
      if (certificate.issuer_id !== input.issuerId) continue;
      const exported = await deps.ccm.exportCertificate(certificate.certificate_id, {
        is_compressed: "false",
        type: "OTHER",
      });
      if (!exported.ok) return { kind: "unavailable", error: exported.error };
      checked++;
      const preview = await deps.readCertificate(exported.value.certificate);
      if (preview.ok && preview.value.fingerprints.spkiSha256 === input.spkiSha256) {
        return { kind: "found", certificate, checked };
      }
    }
    if (listed.value.certificates.length < PAGE) break;
  }
  return { kind: "not-found", checked, reason: "No certificate with the CSR's public key was found." };
}

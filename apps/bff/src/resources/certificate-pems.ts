import type { Certificate, CertificatePreview } from "@pca/contracts";
import type { ReadCertificate } from "../issuance/readers";
import type { CcmPort } from "../upstream/port";
import { lfPem } from "./attachment";
import { type Outcome, unreadable } from "./outcome";

/** An issued certificate's files and what the list shows of it. Never changes for an id. */
export interface CertificatePems {
  readonly certificate: string;
  readonly certificate_chain: string;
  readonly subjectAltNames: { type: string; value: string }[];
}

/**
 * Certificates by id, least recently used first out. An issued certificate never changes, so
 * what was exported once serves the list's SAN column and the detail page from then on (and
 * keeps serving a certificate CCM no longer exports because it was revoked or expired).
 */
export class CertificatePemCache {
  private readonly entries = new Map<string, CertificatePems>();
  constructor(private readonly max = 2000) {}

  get(id: string): CertificatePems | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(id: string, pems: CertificatePems): void {
    this.entries.delete(id);
    this.entries.set(id, pems);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

export interface PemDeps {
  readonly ccm: Pick<CcmPort, "exportCertificate">;
  readonly readCertificate: ReadCertificate;
  readonly cache: CertificatePemCache;
}

/**
 * A certificate's PEMs (LF) and decoded view: from the cache, else exported from CCM (only an
 * ISSUED certificate can be, reference §3.6) and decoded by pki. Fails with
 * CERTIFICATE_NOT_EXPORTABLE, CERTIFICATE_NOT_FOUND, UPSTREAM_* or UPSTREAM_BAD_RESPONSE.
 */
export async function loadPems(
  deps: PemDeps,
  certificate: Pick<Certificate, "certificate_id" | "status">,
): Promise<Outcome<{ pems: CertificatePems; preview: CertificatePreview }>> {
  const id = certificate.certificate_id;
  const cached = deps.cache.get(id);
  if (cached) {
    const preview = await deps.readCertificate(cached.certificate);
    return preview.ok
      ? { ok: true, value: { pems: cached, preview: preview.value } }
      : unreadable("a certificate");
  }
  if (certificate.status !== "ISSUED") {
    return {
      ok: false,
      error: {
        code: "CERTIFICATE_NOT_EXPORTABLE",
        message: `This certificate is ${certificate.status}; CCM exports a certificate only while it is ISSUED.`,
        details: { status: certificate.status },
      },
    };
  }
  const exported = await deps.ccm.exportCertificate(id, { is_compressed: "false", type: "OTHER" });
  if (!exported.ok) return exported;
  const pem = lfPem(exported.value.certificate);
  const preview = await deps.readCertificate(pem);
  if (!preview.ok) return unreadable("a certificate");
  const pems: CertificatePems = {
    certificate: pem,
    certificate_chain: lfPem(exported.value.certificate_chain),
    subjectAltNames: preview.value.subjectAltNames.map((s) => ({ type: s.type, value: s.value })),
  };
  deps.cache.set(id, pems);
  return { ok: true, value: { pems, preview: preview.value } };
}

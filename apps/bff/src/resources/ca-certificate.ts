import type { CaCertificateResponse, CertificateAuthority } from "@pca/contracts";
import type { ReadCertificate } from "../issuance/readers";
import type { CcmPort } from "../upstream/port";
import { fileStem, lfPem } from "./attachment";
import { type Outcome, unreadable } from "./outcome";

export interface CaCertificate {
  readonly ca: CertificateAuthority;
  readonly body: CaCertificateResponse;
  /** `<common-name>.pem`: the CA certificate followed by its chain. */
  readonly fileName: string;
}

const EXPORTABLE = new Set(["ACTIVED", "EXPIRED"]);

/**
 * An ACTIVED or EXPIRED CA's certificate and chain (CCM exports no other), as LF PEM and decoded
 * by pki. Fails with CA_NOT_FOUND, CA_NOT_EXPORTABLE, UPSTREAM_* or UPSTREAM_BAD_RESPONSE.
 */
export async function exportCaCertificate(
  ccm: Pick<CcmPort, "showCertificateAuthority" | "exportCertificateAuthorityCertificate">,
  readCertificate: ReadCertificate,
  caId: string,
): Promise<Outcome<CaCertificate>> {
  const shown = await ccm.showCertificateAuthority(caId);
  if (!shown.ok) return shown;
  const ca = shown.value;
  if (!EXPORTABLE.has(ca.status)) {
    return {
      ok: false,
      error: {
        code: "CA_NOT_EXPORTABLE",
        message: `This CA is ${ca.status}; CCM exports a CA certificate only when the CA is ACTIVED or EXPIRED.`,
        details: { status: ca.status },
      },
    };
  }
  const exported = await ccm.exportCertificateAuthorityCertificate(caId);
  if (!exported.ok) return exported;
  const certificate = lfPem(exported.value.certificate);
  const preview = await readCertificate(certificate);
  if (!preview.ok) return unreadable("a CA certificate");
  return {
    ok: true,
    value: {
      ca,
      body: {
        ca_id: ca.ca_id,
        certificate,
        certificate_chain: lfPem(exported.value.certificate_chain),
        preview: preview.value,
      },
      fileName: `${fileStem(ca.distinguished_name?.common_name, ca.ca_id)}.pem`,
    },
  };
}

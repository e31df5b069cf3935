import type { CaCsrResponse, CertificateAuthority } from "@pca/contracts";
import type { ReadCsr } from "../issuance/readers";
import type { CcmPort } from "../upstream/port";
import { fileStem } from "./attachment";
import { type Outcome, unreadable } from "./outcome";

export interface CaCsr {
  readonly ca: CertificateAuthority;
  readonly body: CaCsrResponse;
}

/**
 * A PENDING CA's CSR: the CA is read first, so a CA in any other state is refused with
 * CA_NOT_PENDING (CCM's own answer for that case is undocumented), then the CSR is exported and
 * read by pki: a real PEM (LF, final newline), its preview and lint, and `<common-name>.csr.pem`.
 * Fails with CA_NOT_FOUND, CA_NOT_PENDING, UPSTREAM_* or UPSTREAM_BAD_RESPONSE.
 */
export async function exportCaCsr(
  ccm: Pick<CcmPort, "showCertificateAuthority" | "exportCertificateAuthorityCsr">,
  readCsr: ReadCsr,
  caId: string,
): Promise<Outcome<CaCsr>> {
  const shown = await ccm.showCertificateAuthority(caId);
  if (!shown.ok) return shown;
  const ca = shown.value;
  if (ca.status !== "PENDING") {
    return {
      ok: false,
      error: {
        code: "CA_NOT_PENDING",
        message: `This CA is ${ca.status}; CCM exports a CSR only while a CA is PENDING (waiting for activation).`,
        details: { status: ca.status },
      },
    };
  }
  const exported = await ccm.exportCertificateAuthorityCsr(caId);
  if (!exported.ok) return exported;
  const read = await readCsr(exported.value.csr);
  if (!read.ok) return unreadable("a CSR");
  return {
    ok: true,
    value: {
      ca,
      body: {
        ca_id: ca.ca_id,
        fileName: `${fileStem(ca.distinguished_name?.common_name, ca.ca_id)}.csr.pem`,
        pem: read.value.pem,
        preview: read.value.preview,
        lint: read.value.lint,
      },
    },
  };
}

import { ok } from "@pca/contracts";
import { decodeCsr, lintCsr, previewCertificate, previewCsr, toPem, toWire } from "@pca/pki/node";
import type { PkiReaders } from "./readers";

/**
 * The BFF's pki: node:crypto verifies every CSR signature (the preview's `signatureValid` is
 * never null here). The wire string is CCM's form (CRLF, no final newline) even when it is over
 * CCM's limit, so the preview can show what would be sent; `withinLimit` says whether it fits.
 */
export const pkiReaders: PkiReaders = {
  async readCsr(input) {
    const decoded = decodeCsr(input);
    if (!decoded.ok) return decoded;
    const preview = await previewCsr(decoded.value);
    const pem = toPem(decoded.value);
    const wire = toWire(decoded.value);
    const csr = wire.ok ? wire.value : pem.trimEnd().replace(/\n/g, "\r\n");
    return ok({
      preview,
      lint: lintCsr(preview),
      wire: { csr, length: csr.length, withinLimit: wire.ok },
      pem,
    });
  },
  readCertificate: (pem) => previewCertificate(pem),
};

import type { CsrPreview } from "@pca/contracts";
import { toHex } from "./asn1";
import type { CryptoProvider } from "./crypto/provider";
import { webCryptoProvider } from "./crypto/webcrypto";
import type { DecodedCsr } from "./decode-csr";
import { csrLengths } from "./wire";

/** Options of the previews: the crypto seam (WebCrypto unless the Node entry gives node:crypto). */
export interface PreviewOptions {
  readonly crypto?: CryptoProvider;
}

/**
 * The preview of a decoded CSR: subject (RFC 4514 and RDNs), SANs, key, signature algorithm,
 * whether its self-signature verifies, requested extensions, attributes (challengePassword only as
 * present), fingerprints and wire lengths. Never rejects: a key or signature the provider cannot
 * read gives `signatureValid: false` (null when it cannot check the algorithm at all).
 */
export async function previewCsr(csr: DecodedCsr, options: PreviewOptions = {}): Promise<CsrPreview> {
  const crypto = options.crypto ?? webCryptoProvider;
  const { info } = csr;
  const [sha256, spkiSha256, signatureValid] = await Promise.all([
    crypto.digest("SHA-256", csr.der),
    crypto.digest("SHA-256", info.spki),
    Promise.resolve()
      .then(() =>
        crypto.verify({
          spki: info.spki,
          publicKey: info.publicKey,
          signatureAlgorithm: info.signatureAlgorithm.details,
          signature: info.signatureValue,
          data: info.tbs,
        }),
      )
      .catch(() => false),
  ]);
  return {
    subject: info.subject.rfc4514,
    subjectRdns: info.subject.rdns,
    subjectAltNames: info.subjectAltNames,
    publicKey: info.publicKey,
    signatureAlgorithm: info.signatureAlgorithm.name,
    signature: info.signatureAlgorithm.details,
    signatureValid,
    extensions: info.extensions,
    attributes: info.attributes,
    fingerprints: { sha256: toHex(sha256), spkiSha256: toHex(spkiSha256) },
    lengths: csrLengths(csr.der),
    inputForm: csr.form,
  };
}

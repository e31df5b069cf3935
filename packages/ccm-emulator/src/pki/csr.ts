import { CCM_KEY_ALGORITHMS, ccmKeyAlgorithmOf, fail, ok, type Result } from "@pca/contracts";
import { decodeCsr, nodeCryptoProvider } from "@pca/pki/node";
import type { DnFields } from "../state/names";
import type { KeyAlgorithm } from "./algorithms";
import { keyIdOf } from "./key-id";
import { dnFieldsOfRdns } from "./names";

/** One requested extension: its type and its whole DER (copied into the certificate as is). */
export interface RequestedExtension {
  readonly oid: string;
  readonly der: Uint8Array;
}

/** What issuance takes from a CSR that decoded, verified, and has a key CCM accepts. */
export interface ReadCsr {
  /** The subject's DER exactly as the CSR encodes it. */
  readonly subject: Uint8Array;
  /** The six subject fields CCM reports. */
  readonly dn: DnFields;
  /** The SubjectPublicKeyInfo's DER. */
  readonly spki: Uint8Array;
  /** Its key identifier (RFC 5280 method 1). */
  readonly subjectKeyId: Uint8Array;
  /** Every requested extension, raw (the issuer picks which to copy). */
  readonly extensions: readonly RequestedExtension[];
  readonly keyAlgorithm: KeyAlgorithm;
}

export type CsrFailureCode = "CSR_UNPARSEABLE" | "CSR_SIGNATURE_INVALID" | "KEY_ALGORITHM_UNSUPPORTED";

/**
 * Reads CreateCertificateByCsr's `csr` with @pca/pki: decodes it (PEM with `\r\n` or `\n`
 * newlines, also the two-character escapes of the seed's own example), verifies its
 * self-signature with node:crypto and names its key. Failure codes: CSR_UNPARSEABLE (pki's
 * refusal, or a form other than PEM — CCM documents PEM only [unverified: whether it takes bare
 * base64]), CSR_SIGNATURE_INVALID, KEY_ALGORITHM_UNSUPPORTED. [unverified] CCM's table has
 * PCA.00020102 for keys outside `CCM_LIMITS.keyAlgorithms`; whether CreateCertificateByCsr applies
 * the same list to the CSR's key is not documented. The emulator does, so RSA-1024/3072, RSA-PSS
 * keys, P-521 and Ed25519 CSRs are refused.
 */
export async function readCsr(text: string): Promise<Result<ReadCsr, CsrFailureCode>> {
  const decoded = decodeCsr(text);
  if (!decoded.ok) return fail("CSR_UNPARSEABLE", decoded.error.message);
  if (decoded.value.form !== "pem")
    return fail("CSR_UNPARSEABLE", "The CSR must be PEM (-----BEGIN CERTIFICATE REQUEST-----).");
  const { info } = decoded.value;
  const keyAlgorithm = ccmKeyAlgorithmOf(info.publicKey);
  if (!keyAlgorithm)
    return fail("KEY_ALGORITHM_UNSUPPORTED", `The CSR's key is not one of ${CCM_KEY_ALGORITHMS.join(", ")}.`);
  const verified = await nodeCryptoProvider.verify({
    spki: info.spki,
    publicKey: info.publicKey,
    signatureAlgorithm: info.signatureAlgorithm.details,
    signature: info.signatureValue,
    data: info.tbs,
  });
  if (verified !== true) return fail("CSR_SIGNATURE_INVALID", "The CSR's signature does not verify.");
  return ok({
    subject: info.subjectDer,
    dn: dnFieldsOfRdns(info.subject.rdns),
    spki: info.spki,
    subjectKeyId: keyIdOf(info.asn.certificationRequestInfo.subjectPKInfo),
    extensions: info.requestedExtensions.map((e) => ({ oid: e.asn.extnID, der: e.der })),
    keyAlgorithm,
  });
}

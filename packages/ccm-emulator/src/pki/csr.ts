import { fail, ok, type Result } from "@pca/contracts";
import { decodeCsr, nodeCryptoProvider } from "@pca/pki/node";
import type { DnFields } from "../state/names";
import type { KeyAlgorithm } from "./algorithms";
import { bytesOf, children, oidText, readTlv } from "./der";
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
  /** Every requested extension, raw (the issuer picks which to copy). */
  readonly extensions: readonly RequestedExtension[];
  readonly keyAlgorithm: KeyAlgorithm;
}

export type CsrFailureCode = "CSR_UNPARSEABLE" | "CSR_SIGNATURE_INVALID" | "KEY_ALGORITHM_UNSUPPORTED";

/** 1.2.840.113549.1.9.14, PKCS#9 extensionRequest, as DER content bytes. */
const EXTENSION_REQUEST = Buffer.from("2a864886f70d01090e", "hex");

/**
 * The CCM name of a CSR's key, or undefined when CCM would not take it. [unverified] CCM's table
 * has PCA.00020102 "Only RSA2048, RSA4096, EC256, and EC384 are supported"; whether
 * CreateCertificateByCsr applies the same list to the CSR's key is not documented. The emulator
 * does, so RSA-1024/3072, RSA-PSS keys, P-521 and Ed25519 CSRs are refused.
 */
function keyAlgorithmOf(key: {
  algorithm: string;
  size: number;
  curve?: string | undefined;
}): KeyAlgorithm | undefined {
  if (key.algorithm === "EC")
    return key.curve === "P-256" ? "EC256" : key.curve === "P-384" ? "EC384" : undefined;
  if (key.algorithm === "RSA")
    return key.size === 2048 ? "RSA2048" : key.size === 4096 ? "RSA4096" : undefined;
  return undefined;
}

/** Subject and requested extensions, read from CertificationRequestInfo's DER. */
function subjectAndExtensions(tbs: Uint8Array): { subject: Uint8Array; extensions: RequestedExtension[] } {
  const [, subject, , attributes] = children(tbs, readTlv(tbs, 0));
  if (!subject) throw new RangeError("CertificationRequestInfo without a subject");
  const extensions: RequestedExtension[] = [];
  for (const attribute of attributes ? children(tbs, attributes) : []) {
    const [oid, values] = children(tbs, attribute);
    if (!oid || !values || !Buffer.from(tbs.subarray(oid.contentStart, oid.end)).equals(EXTENSION_REQUEST))
      continue;
    const [requested] = children(tbs, values);
    for (const extension of requested ? children(tbs, requested) : []) {
      const [type] = children(tbs, extension);
      if (type?.tag !== 0x06) throw new RangeError("Extension without a type");
      extensions.push({ oid: oidText(tbs, type), der: bytesOf(tbs, extension) });
    }
  }
  return { subject: bytesOf(tbs, subject), extensions };
}

/**
 * Reads CreateCertificateByCsr's `csr` with @pca/pki: decodes it (PEM with `\r\n` or `\n`
 * newlines, also the two-character escapes of the seed's own example), verifies its
 * self-signature with node:crypto and names its key. Failure codes: CSR_UNPARSEABLE (pki's
 * refusal, or a form other than PEM — CCM documents PEM only [unverified: whether it takes bare
 * base64]), CSR_SIGNATURE_INVALID, KEY_ALGORITHM_UNSUPPORTED.
 */
export async function readCsr(text: string): Promise<Result<ReadCsr, CsrFailureCode>> {
  const decoded = decodeCsr(text);
  if (!decoded.ok) return fail("CSR_UNPARSEABLE", decoded.error.message);
  if (decoded.value.form !== "pem")
    return fail("CSR_UNPARSEABLE", "The CSR must be PEM (-----BEGIN CERTIFICATE REQUEST-----).");
  const { info } = decoded.value;
  const keyAlgorithm = keyAlgorithmOf(info.publicKey);
  if (!keyAlgorithm)
    return fail("KEY_ALGORITHM_UNSUPPORTED", "The CSR's key is not RSA2048, RSA4096, EC256 or EC384.");
  const verified = await nodeCryptoProvider.verify({
    spki: info.spki,
    publicKey: info.publicKey,
    signatureAlgorithm: info.signatureAlgorithm.details,
    signature: info.signatureValue,
    data: info.tbs,
  });
  if (verified !== true) return fail("CSR_SIGNATURE_INVALID", "The CSR's signature does not verify.");
  try {
    const parts = subjectAndExtensions(info.tbs);
    return ok({
      subject: parts.subject,
      dn: dnFieldsOfRdns(info.subject.rdns),
      spki: info.spki,
      extensions: parts.extensions,
      keyAlgorithm,
    });
  } catch {
    return fail("CSR_UNPARSEABLE", "The CSR could not be decoded.");
  }
}

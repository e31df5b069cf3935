import { type KeyAlgorithm, randomSerial, SIGNATURE_ALGORITHM, signingAlgorithm } from "./algorithms";
import { type CryptoKey, x509 } from "./crypto";

/** Key usages CCM applies when the CSR asks for none (seed, CreateCertificateByCsr 功能介绍). */
export const DEFAULT_KEY_USAGE = {
  ENTITY_CERT: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement,
  INTERMEDIATE_CA:
    x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
} as const;

/** The CA that signs: its certificate (for the issuer name and key id) and its private key. */
export interface Signer {
  readonly certificate: x509.X509Certificate;
  readonly key: CryptoKey;
  readonly keyAlgorithm: KeyAlgorithm;
}

export interface CertificateSpec {
  readonly subject: x509.Name | string;
  readonly publicKey: x509.PublicKey;
  /** ms since the epoch; X.509 keeps whole seconds. */
  readonly notBefore: number;
  readonly notAfter: number;
  /** undefined for an end entity; a number (or null for "unlimited") for a CA. */
  readonly ca?: { readonly pathLength: number | null } | undefined;
  readonly keyUsage: x509.Extension | number;
  /** Extensions copied as they are (SANs, extended key usage). */
  readonly copied?: readonly x509.Extension[] | undefined;
}

export interface SignedCertificate {
  readonly certificate: x509.X509Certificate;
  readonly serialNumber: string;
}

async function authorityKeyId(issuer: x509.X509Certificate): Promise<x509.AuthorityKeyIdentifierExtension> {
  const ski = issuer.getExtension(x509.SubjectKeyIdentifierExtension);
  return ski
    ? new x509.AuthorityKeyIdentifierExtension(ski.keyId)
    : x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey);
}

/**
 * Signs an X.509 v3 certificate with SHA-384: random positive serial, basic constraints, key
 * usage, SKI/AKI and the copied extensions. `signer` undefined makes it self-signed with `selfKey`.
 */
export async function signCertificate(
  spec: CertificateSpec,
  signer: Signer | { readonly self: CryptoKey; readonly keyAlgorithm: KeyAlgorithm },
): Promise<SignedCertificate> {
  const serialNumber = randomSerial();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(spec.ca !== undefined, spec.ca?.pathLength ?? undefined, true),
    typeof spec.keyUsage === "number" ? new x509.KeyUsagesExtension(spec.keyUsage, true) : spec.keyUsage,
    await x509.SubjectKeyIdentifierExtension.create(spec.publicKey),
  ];
  if ("certificate" in signer) extensions.push(await authorityKeyId(signer.certificate));
  extensions.push(...(spec.copied ?? []));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject: spec.subject,
    issuer: "certificate" in signer ? signer.certificate.subjectName : spec.subject,
    notBefore: new Date(Math.floor(spec.notBefore / 1000) * 1000),
    notAfter: new Date(Math.floor(spec.notAfter / 1000) * 1000),
    publicKey: spec.publicKey,
    signingKey: "certificate" in signer ? signer.key : signer.self,
    signingAlgorithm: signingAlgorithm(signer.keyAlgorithm),
    extensions,
  });
  return { certificate, serialNumber };
}

export { SIGNATURE_ALGORITHM };

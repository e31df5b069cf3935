import { type KeyObject, sign } from "node:crypto";
import { ecdsaWithSHA384 } from "@peculiar/asn1-ecc";
import { sha384WithRSAEncryption } from "@peculiar/asn1-rsa";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  type AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyIdentifier,
  KeyUsage,
  Name,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from "@peculiar/asn1-x509";
import { type KeyAlgorithm, randomSerial, SIGNATURE_ALGORITHM } from "./algorithms";
import { encoded, encodeOnce } from "./encoded";

/**
 * Key usages CCM applies when the CSR asks for none (seed, CreateCertificateByCsr 功能介绍), as
 * @peculiar/asn1-x509's KeyUsageFlags: digitalSignature 1, keyAgreement 16, keyCertSign 32, cRLSign 64.
 */
export const DEFAULT_KEY_USAGE = {
  ENTITY_CERT: 1 | 16,
  INTERMEDIATE_CA: 1 | 32 | 64,
} as const;

/** The CA that signs: its name and key identifier as its certificate has them, and its key. */
export interface Signer {
  /** The CA's subject Name, DER, byte for byte as in its certificate (the issuer of what it signs). */
  readonly name: Uint8Array;
  /** Its key identifier (its SKI), for the issued certificates' authority key identifier. */
  readonly keyId: Uint8Array;
  readonly key: KeyObject;
  readonly keyAlgorithm: KeyAlgorithm;
}

export interface CertificateSpec {
  /** The subject Name, DER (a CSR's subject is copied byte for byte). */
  readonly subject: Uint8Array;
  /** The subject's SubjectPublicKeyInfo, DER (copied byte for byte). */
  readonly spki: Uint8Array;
  /** Its key identifier (`keyIdOf`), for the subject key identifier. */
  readonly subjectKeyId: Uint8Array;
  /** ms since the epoch; X.509 keeps whole seconds. */
  readonly notBefore: number;
  readonly notAfter: number;
  /** undefined for an end entity; a number (or null for "unlimited") for a CA. */
  readonly ca?: { readonly pathLength: number | null } | undefined;
  /** A whole keyUsage extension to copy (DER, from the CSR), or flags for a new critical one. */
  readonly keyUsage: Uint8Array | number;
  /** Whole extensions copied as they are (SANs, extended key usage), DER. */
  readonly copied?: readonly Uint8Array[] | undefined;
}

export interface SignedCertificate {
  readonly der: Uint8Array;
  readonly serialNumber: string;
  /** The certificate's own validity, ms since the epoch (whole seconds). */
  readonly notBefore: number;
  readonly notAfter: number;
}

const extension = (extnID: string, critical: boolean, value: object): Extension =>
  new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });

/** What every certificate of a kind carries alike, encoded once. */
const ALGORITHMS: Readonly<Record<"EC" | "RSA", AlgorithmIdentifier>> = {
  EC: encodeOnce(ecdsaWithSHA384),
  RSA: encodeOnce(sha384WithRSAEncryption),
};
const END_ENTITY = encodeOnce(extension(id_ce_basicConstraints, true, new BasicConstraints()));
const DEFAULT_USAGES = new Map<number, Extension>(
  Object.values(DEFAULT_KEY_USAGE).map((flags) => [
    flags,
    encodeOnce(extension(id_ce_keyUsage, true, new KeyUsage(flags))),
  ]),
);

function basicConstraints(ca: CertificateSpec["ca"]): Extension {
  if (ca === undefined) return END_ENTITY;
  const pathLenConstraint = ca.pathLength ?? undefined;
  return extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: true, pathLenConstraint }));
}

function keyUsage(usage: Uint8Array | number): Extension {
  if (typeof usage !== "number") return encoded(usage, Extension);
  return DEFAULT_USAGES.get(usage) ?? extension(id_ce_keyUsage, true, new KeyUsage(usage));
}

/** An authority key identifier per issuing key, encoded once. */
const authorityKeyIds = new WeakMap<Uint8Array, Extension>();
function authorityKeyId(keyId: Uint8Array): Extension {
  let aki = authorityKeyIds.get(keyId);
  if (aki === undefined) {
    const value = new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId) });
    aki = encodeOnce(extension(id_ce_authorityKeyIdentifier, false, value));
    authorityKeyIds.set(keyId, aki);
  }
  return aki;
}

/**
 * Signs an X.509 v3 certificate with SHA-384: @peculiar/asn1-x509's TBSCertificate with a random
 * positive serial, basic constraints, key usage, SKI/AKI and the copied extensions, in that order,
 * signed with node:crypto. The names, the key and the copied extensions are the DER given
 * (`encoded`). `signer` `{ self }` makes it self-signed (issuer = subject, no AKI).
 */
export function signCertificate(
  spec: CertificateSpec,
  signer: Signer | { readonly self: KeyObject; readonly keyAlgorithm: KeyAlgorithm },
): SignedCertificate {
  const serialNumber = randomSerial();
  const notBefore = Math.floor(spec.notBefore / 1000) * 1000;
  const notAfter = Math.floor(spec.notAfter / 1000) * 1000;
  const ec = signer.keyAlgorithm.startsWith("EC");
  const algorithm = ALGORITHMS[ec ? "EC" : "RSA"];
  const self = "self" in signer;
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(Buffer.from(serialNumber, "hex")).buffer,
    signature: algorithm,
    issuer: encoded(self ? spec.subject : signer.name, Name),
    validity: new Validity({ notBefore: new Date(notBefore), notAfter: new Date(notAfter) }),
    subject: encoded(spec.subject, Name),
    subjectPublicKeyInfo: encoded(spec.spki, SubjectPublicKeyInfo),
    extensions: new Extensions([
      basicConstraints(spec.ca),
      keyUsage(spec.keyUsage),
      extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(spec.subjectKeyId)),
      ...(self ? [] : [authorityKeyId(signer.keyId)]),
      ...(spec.copied ?? []).map((der) => encoded(der, Extension)),
    ]),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const key = self ? signer.self : signer.key;
  // ECDSA signatures come out as DER Ecdsa-Sig-Value, the form X.509 carries; RSA is PKCS#1 v1.5.
  const signature = sign("sha384", tbsDer, ec ? { key, dsaEncoding: "der" } : key);
  const certificate = new Certificate({
    // The TBSCertificate just written and signed, not written a second time.
    tbsCertificate: encoded(tbsDer, TBSCertificate),
    signatureAlgorithm: algorithm,
    signatureValue: new Uint8Array(signature).buffer,
  });
  return { der: new Uint8Array(AsnConvert.serialize(certificate)), serialNumber, notBefore, notAfter };
}

export { SIGNATURE_ALGORITHM };

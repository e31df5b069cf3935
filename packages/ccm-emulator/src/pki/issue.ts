import { type KeyObject, sign } from "node:crypto";
import { type KeyAlgorithm, randomSerial, SIGNATURE_ALGORITHM } from "./algorithms";
import {
  bitString,
  booleanTrue,
  explicit,
  implicitPrimitive,
  namedBits,
  nullValue,
  octetString,
  oid,
  sequence,
  smallInteger,
  unsignedInteger,
  x509Time,
} from "./der-writer";
import { keyIdOf } from "./key-id";

/**
 * Key usages CCM applies when the CSR asks for none (seed, CreateCertificateByCsr 功能介绍), as
 * @peculiar/x509's KeyUsageFlags: digitalSignature 1, keyAgreement 16, keyCertSign 32, cRLSign 64.
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
  /** The subject's SubjectPublicKeyInfo, DER. */
  readonly spki: Uint8Array;
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

const ECDSA_SHA384 = sequence(oid("1.2.840.10045.4.3.3"));
const RSA_SHA384 = sequence(oid("1.2.840.113549.1.1.12"), nullValue());
const VERSION_3 = explicit(0, smallInteger(2));
const BASIC_CONSTRAINTS = oid("2.5.29.19");
const KEY_USAGE = oid("2.5.29.15");
const SUBJECT_KEY_ID = oid("2.5.29.14");
const AUTHORITY_KEY_ID = oid("2.5.29.35");

const extension = (type: Uint8Array, critical: boolean, value: Uint8Array) =>
  critical ? sequence(type, booleanTrue(), octetString(value)) : sequence(type, octetString(value));

function basicConstraints(ca: CertificateSpec["ca"]): Uint8Array {
  if (ca === undefined) return extension(BASIC_CONSTRAINTS, true, sequence());
  const pathLength = ca.pathLength === null ? [] : [smallInteger(ca.pathLength)];
  return extension(BASIC_CONSTRAINTS, true, sequence(booleanTrue(), ...pathLength));
}

/**
 * Signs an X.509 v3 certificate with SHA-384 using node:crypto over a TBSCertificate written
 * here: random positive serial, basic constraints, key usage, SKI/AKI and the copied extensions,
 * in that order. `signer` `{ self }` makes it self-signed (issuer = subject, no AKI).
 */
export function signCertificate(
  spec: CertificateSpec,
  signer: Signer | { readonly self: KeyObject; readonly keyAlgorithm: KeyAlgorithm },
): SignedCertificate {
  const serialNumber = randomSerial();
  const notBefore = Math.floor(spec.notBefore / 1000) * 1000;
  const notAfter = Math.floor(spec.notAfter / 1000) * 1000;
  const algorithm = signer.keyAlgorithm.startsWith("EC") ? ECDSA_SHA384 : RSA_SHA384;
  const extensions = [
    basicConstraints(spec.ca),
    typeof spec.keyUsage === "number" ? extension(KEY_USAGE, true, namedBits(spec.keyUsage)) : spec.keyUsage,
    extension(SUBJECT_KEY_ID, false, octetString(keyIdOf(spec.spki))),
    ...("self" in signer
      ? []
      : [extension(AUTHORITY_KEY_ID, false, sequence(implicitPrimitive(0, signer.keyId)))]),
    ...(spec.copied ?? []),
  ];
  const tbs = sequence(
    VERSION_3,
    unsignedInteger(Buffer.from(serialNumber, "hex")),
    algorithm,
    "self" in signer ? spec.subject : signer.name,
    sequence(x509Time(notBefore), x509Time(notAfter)),
    spec.subject,
    spec.spki,
    explicit(3, sequence(...extensions)),
  );
  const key = "self" in signer ? signer.self : signer.key;
  // ECDSA signatures come out as DER Ecdsa-Sig-Value, the form X.509 carries; RSA is PKCS#1 v1.5.
  const signature = sign("sha384", tbs, algorithm === ECDSA_SHA384 ? { key, dsaEncoding: "der" } : key);
  return { der: sequence(tbs, algorithm, bitString(signature)), serialNumber, notBefore, notAfter };
}

export { SIGNATURE_ALGORITHM };

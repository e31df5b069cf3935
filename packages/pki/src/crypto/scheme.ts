import type { PublicKeyInfo, SignatureDetails } from "@pca/contracts";
import { OID } from "../oids";

/** How to check a signature, independent of the crypto library that will do it. */
export type SignatureScheme =
  | { kind: "rsa-pkcs1"; hash: string }
  | { kind: "rsa-pss"; hash: string; mgf1Hash: string; saltLength: number }
  | { kind: "ecdsa"; hash: string; curve: string }
  | { kind: "eddsa"; curve: "Ed25519" | "Ed448" }
  | { kind: "dsa"; hash: string }
  /** The signature algorithm does not belong to the key's type: it cannot verify. */
  | { kind: "mismatch" }
  /** Not an algorithm the console can check (unknown OID, SM2...). */
  | { kind: "unsupported" };

const RSA_PKCS1 = new Set([
  "1.2.840.113549.1.1.4",
  "1.2.840.113549.1.1.5",
  "1.2.840.113549.1.1.14",
  "1.2.840.113549.1.1.11",
  "1.2.840.113549.1.1.12",
  "1.2.840.113549.1.1.13",
]);
const ECDSA = new Set([
  "1.2.840.10045.4.1",
  "1.2.840.10045.4.3.1",
  "1.2.840.10045.4.3.2",
  "1.2.840.10045.4.3.3",
  "1.2.840.10045.4.3.4",
]);
const DSA = new Set(["1.2.840.10040.4.3", "2.16.840.1.101.3.4.3.2"]);

/** Pairs a key with a signature algorithm. */
export function signatureScheme(key: PublicKeyInfo, sig: SignatureDetails): SignatureScheme {
  const { oid, hash } = sig;
  if (RSA_PKCS1.has(oid) && hash !== null) {
    return key.algorithm === "RSA" ? { kind: "rsa-pkcs1", hash } : { kind: "mismatch" };
  }
  if (oid === OID.rsassaPss && sig.pss !== undefined) {
    return key.algorithm === "RSA" || key.algorithm === "RSA-PSS"
      ? { kind: "rsa-pss", ...sig.pss }
      : { kind: "mismatch" };
  }
  if (ECDSA.has(oid) && hash !== null) {
    if (key.algorithm !== "EC") return { kind: "mismatch" };
    return key.curve === undefined || key.curve === "SM2"
      ? { kind: "unsupported" }
      : { kind: "ecdsa", hash, curve: key.curve };
  }
  if (oid === OID.ed25519)
    return key.algorithm === "Ed25519" ? { kind: "eddsa", curve: "Ed25519" } : { kind: "mismatch" };
  if (oid === OID.ed448)
    return key.algorithm === "Ed448" ? { kind: "eddsa", curve: "Ed448" } : { kind: "mismatch" };
  if (DSA.has(oid) && hash !== null)
    return key.algorithm === "DSA" ? { kind: "dsa", hash } : { kind: "mismatch" };
  return { kind: "unsupported" };
}

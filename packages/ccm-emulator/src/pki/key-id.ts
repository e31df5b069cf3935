import { createHash } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";

/**
 * RFC 5280 4.2.1.2 method (1), as @peculiar/x509's `getKeyIdentifier` computes it: SHA-1 of the
 * subjectPublicKey BIT STRING's bits (without its unused-bits octet), of a key read by
 * @peculiar/asn1-x509 or given as DER. Throws on DER that is not a SubjectPublicKeyInfo.
 */
export function keyIdOf(spki: SubjectPublicKeyInfo | Uint8Array): Uint8Array {
  const key = spki instanceof Uint8Array ? AsnConvert.parse(spki, SubjectPublicKeyInfo) : spki;
  return createHash("sha1").update(new Uint8Array(key.subjectPublicKey)).digest();
}

import { createHash } from "node:crypto";
import { children, readTlv } from "./der";

/**
 * RFC 5280 4.2.1.2 method (1), as @peculiar/x509's `getKeyIdentifier` computes it: SHA-1 of the
 * subjectPublicKey BIT STRING's bits (without its unused-bits octet). Throws RangeError on
 * something that is not a SubjectPublicKeyInfo.
 */
export function keyIdOf(spki: Uint8Array): Uint8Array {
  const [, key] = children(spki, readTlv(spki, 0));
  if (key?.tag !== 0x03) throw new RangeError("SubjectPublicKeyInfo without a BIT STRING");
  return createHash("sha1")
    .update(spki.subarray(key.contentStart + 1, key.end))
    .digest();
}

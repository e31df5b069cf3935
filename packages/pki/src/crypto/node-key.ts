import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type { PublicKeyInfo } from "@pca/contracts";
import { RSAPublicKey } from "@peculiar/asn1-rsa";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { bytes, parseAs } from "../asn1";
import { OID } from "../oids";

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/** A P-256 SPKI's bytes before its uncompressed point, as DER (and OpenSSL's export) writes them. */
const P256_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a8648ce3d030107034200", "hex");

/** The canonical P-256 SPKI: the fixed prefix, then 04 ‖ X ‖ Y; a JWK import exports exactly this. */
const isCanonicalP256 = (der: Buffer) =>
  der.length === P256_SPKI_PREFIX.length + 65 &&
  der[P256_SPKI_PREFIX.length] === 4 &&
  der.subarray(0, P256_SPKI_PREFIX.length).equals(P256_SPKI_PREFIX);

/** The key as a JWK when it is one of the common kinds that has a JWK form; undefined otherwise. */
function asJwk(der: Buffer, key: PublicKeyInfo): JsonWebKey | undefined {
  if (key.oid === OID.ecPublicKey && key.curve === "P-256" && isCanonicalP256(der)) {
    const point = der.subarray(P256_SPKI_PREFIX.length);
    return { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) };
  }
  if (key.oid === OID.rsaEncryption) {
    const rsa = parseAs(parseAs(der, SubjectPublicKeyInfo).subjectPublicKey, RSAPublicKey);
    const unsigned = (v: ArrayBuffer) => {
      const octets = bytes(v);
      return octets.length > 1 && octets[0] === 0 ? octets.subarray(1) : octets;
    };
    return { kty: "RSA", n: b64url(unsigned(rsa.modulus)), e: b64url(unsigned(rsa.publicExponent)) };
  }
  return undefined;
}

/**
 * The KeyObject of an SPKI. OpenSSL 3's DER decoder costs several times a P-256 or RSA
 * verification (in a CPU profile it was the top frame of an issuance), while a JWK import builds the
 * key from its numbers directly. The JWK path is taken only when the imported key exports back
 * to exactly the same SPKI bytes, so it accepts precisely what the DER path accepts; anything
 * else (other key types, compressed points, non-canonical encodings) goes through the DER decoder.
 * Throws what createPublicKey throws for a key OpenSSL cannot load.
 */
export function publicKeyObject(spki: Uint8Array, key: PublicKeyInfo): KeyObject {
  const der = Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength);
  try {
    const jwk = asJwk(der, key);
    if (jwk) {
      const fast = createPublicKey({ key: jwk, format: "jwk" });
      // The canonical P-256 form needs no round trip: its export is these very bytes.
      if (isCanonicalP256(der) || fast.export({ type: "spki", format: "der" }).equals(der)) return fast;
    }
  } catch {
    // Not the simple shape: the DER decoder decides.
  }
  return createPublicKey({ key: der, format: "der", type: "spki" });
}

import type { webcrypto } from "node:crypto";
import { randomBytesPooled } from "../random";
import { type CryptoKey, type CryptoKeyPair, crypto } from "./crypto";

/** The key algorithms CCM names (reference §3.8, minus SM2, which WebCrypto cannot do). */
export type KeyAlgorithm = "RSA2048" | "RSA4096" | "EC256" | "EC384";

/** CCM signs everything it issues with SHA-384 (seed: SignatureHashAlgorithm SHA384). */
export const SIGNATURE_HASH = "SHA-384";
export const SIGNATURE_ALGORITHM = "SHA384";

/** The WebCrypto parameters for generating or importing a CA key of this algorithm. */
export function keyParams(alg: KeyAlgorithm): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  switch (alg) {
    case "EC256":
      return { name: "ECDSA", namedCurve: "P-256" };
    case "EC384":
      return { name: "ECDSA", namedCurve: "P-384" };
    case "RSA2048":
    case "RSA4096":
      return {
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: alg === "RSA2048" ? 2048 : 4096,
        publicExponent: new Uint8Array([1, 0, 1]),
        // The hash is bound to an RSA CryptoKey, so CA keys are made for SHA-384 signing.
        hash: SIGNATURE_HASH,
      };
  }
}

/** The signature algorithm a CA key signs certificates with. */
export function signingAlgorithm(alg: KeyAlgorithm): webcrypto.Algorithm | webcrypto.EcdsaParams {
  return alg.startsWith("EC") ? { name: "ECDSA", hash: SIGNATURE_HASH } : { name: "RSASSA-PKCS1-v1_5" };
}

/** A fresh CA key pair. */
export async function generateKeyPair(alg: KeyAlgorithm): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(keyParams(alg), true, ["sign", "verify"])) as CryptoKeyPair;
}

/** Imports a stored PKCS#8 CA key for signing. */
export function importSigningKey(pkcs8: Uint8Array, alg: KeyAlgorithm): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", pkcs8, keyParams(alg), false, ["sign"]);
}

/** Exports a private key as PKCS#8 DER. */
export async function exportPkcs8(key: CryptoKey): Promise<Buffer> {
  return Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
}

/** A random positive serial number, 16 bytes, as lowercase hex. */
export function randomSerial(): string {
  const bytes = randomBytesPooled(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString("hex");
}

import type { webcrypto } from "node:crypto";
import { CCM_LIMITS, type CcmKeyAlgorithm } from "@pca/contracts";
import { randomBytesPooled } from "../random";
import { type CryptoKey, type CryptoKeyPair, crypto } from "./crypto";

/** The key algorithms CCM names (`CCM_LIMITS.keyAlgorithms`; SM2, which WebCrypto cannot do, is not among them). */
export type KeyAlgorithm = CcmKeyAlgorithm;

/** CCM signs everything it issues with SHA-384 (seed: SignatureHashAlgorithm SHA384). */
export const SIGNATURE_HASH = "SHA-384";
export const SIGNATURE_ALGORITHM = "SHA384";

/** The WebCrypto parameters for generating a CA key of this algorithm. */
export function keyParams(alg: KeyAlgorithm): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  const key = CCM_LIMITS.keyAlgorithms[alg];
  if ("curve" in key) return { name: "ECDSA", namedCurve: key.curve };
  return {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: key.size,
    publicExponent: new Uint8Array([1, 0, 1]),
    // The hash is bound to an RSA CryptoKey, so CA keys are made for SHA-384 signing.
    hash: SIGNATURE_HASH,
  };
}

/** A fresh CA key pair. */
export async function generateKeyPair(alg: KeyAlgorithm): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(keyParams(alg), true, ["sign", "verify"])) as CryptoKeyPair;
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

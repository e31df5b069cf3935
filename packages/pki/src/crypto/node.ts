import { constants, createHash, verify } from "node:crypto";
import { publicKeyObject } from "./node-key";
import type { CryptoProvider, DigestName, SignatureInput } from "./provider";
import { signatureScheme } from "./scheme";

/** WebCrypto hash names to OpenSSL's. */
const NODE_HASH: Readonly<Record<string, string>> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-224": "sha224",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

function verifyWithNode(input: SignatureInput): boolean | null {
  const scheme = signatureScheme(input.publicKey, input.signatureAlgorithm);
  if (scheme.kind === "mismatch") return false;
  if (scheme.kind === "unsupported") return null;
  const hash = scheme.kind === "eddsa" ? null : (NODE_HASH[scheme.hash] ?? null);
  if (scheme.kind !== "eddsa" && hash === null) return null;
  // Node cannot set MGF1's hash apart from the message hash; such PSS parameters are left unchecked.
  if (scheme.kind === "rsa-pss" && scheme.mgf1Hash !== scheme.hash) return null;
  try {
    const key = publicKeyObject(input.spki, input.publicKey);
    if (scheme.kind === "rsa-pss") {
      const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength };
      return verify(hash, input.data, options, input.signature);
    }
    if (scheme.kind === "ecdsa" || scheme.kind === "dsa") {
      return verify(hash, input.data, { key, dsaEncoding: "der" }, input.signature);
    }
    return verify(hash, input.data, key, input.signature);
  } catch {
    // A key OpenSSL cannot load or a signature it cannot read is no proof of possession.
    return false;
  }
}

/**
 * The Node provider: synchronous SHA-256 and node:crypto verification straight from the SPKI and
 * TBS bytes, about 5x faster than WebCrypto's importKey path. Used by the CLI, the BFF and the
 * emulator through the "node" export condition; never reachable from the browser entry.
 */
export const nodeCryptoProvider: CryptoProvider = {
  digest: (name: DigestName, data: Uint8Array) =>
    new Uint8Array(
      createHash(name === "SHA-1" ? "sha1" : "sha256")
        .update(data)
        .digest(),
    ),
  verify: verifyWithNode,
};

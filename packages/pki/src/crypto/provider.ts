import type { PublicKeyInfo, SignatureDetails } from "@pca/contracts";

/** The hashes a preview needs for fingerprints. */
export type DigestName = "SHA-1" | "SHA-256";

/** Everything a verifier needs: the key as SPKI DER, what it is, the signed bytes and signature. */
export interface SignatureInput {
  readonly spki: Uint8Array;
  readonly publicKey: PublicKeyInfo;
  readonly signatureAlgorithm: SignatureDetails;
  readonly signature: Uint8Array;
  readonly data: Uint8Array;
}

/**
 * The crypto seam. The browser entry uses WebCrypto (`webCryptoProvider`); the Node entry
 * (`@pca/pki` under the "node" export condition, and the CLI) uses node:crypto
 * (`nodeCryptoProvider`), which skips WebCrypto's slow key import and also covers secp256k1,
 * brainpool and MD5. Tests pass their own. `verify` answers true/false, or null when this provider
 * cannot check the algorithm; it never throws for bad keys or signatures.
 */
export interface CryptoProvider {
  digest(name: DigestName, data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  verify(input: SignatureInput): boolean | null | Promise<boolean | null>;
}

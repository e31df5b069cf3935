import { ECDSASigValue } from "@peculiar/asn1-ecc";
import { AsnConvert } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { parseAs, bytes as view } from "../asn1";
import { OID } from "../oids";
import type { CryptoProvider, DigestName, SignatureInput } from "./provider";
import { type SignatureScheme, signatureScheme } from "./scheme";

const WEBCRYPTO_HASHES = new Set(["SHA-1", "SHA-256", "SHA-384", "SHA-512"]);
const WEBCRYPTO_CURVES: Readonly<Record<string, number>> = { "P-256": 32, "P-384": 48, "P-521": 66 };

/** WebCrypto wants ArrayBuffer-backed views; a copy also detaches us from the caller's buffer. */
const bytes = (view: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(view);

/** ECDSA-Sig-Value (a SEQUENCE of two INTEGERs) to WebCrypto's fixed-width r || s. */
function ecdsaRaw(der: Uint8Array, width: number): Uint8Array<ArrayBuffer> | null {
  const { r, s } = parseAs(der, ECDSASigValue);
  const out = new Uint8Array(width * 2);
  for (const [i, integer] of [r, s].entries()) {
    let v = view(integer);
    while (v.length > 0 && v[0] === 0) v = v.subarray(1);
    if (v.length > width) return null;
    out.set(v, i * width + width - v.length);
  }
  return out;
}

/** An id-RSASSA-PSS SPKI rewritten as rsaEncryption: browsers import only the latter. */
function asRsaEncryption(spki: Uint8Array): Uint8Array<ArrayBuffer> {
  const key = parseAs(spki, SubjectPublicKeyInfo);
  key.algorithm = new AlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: null });
  return new Uint8Array(AsnConvert.serialize(key));
}

type Subtle = typeof globalThis.crypto.subtle;
type Params = { importAlg: Parameters<Subtle["importKey"]>[2]; verifyAlg: Parameters<Subtle["verify"]>[0] };

function params(scheme: SignatureScheme): Params | null {
  switch (scheme.kind) {
    case "rsa-pkcs1":
      if (!WEBCRYPTO_HASHES.has(scheme.hash)) return null;
      return {
        importAlg: { name: "RSASSA-PKCS1-v1_5", hash: scheme.hash },
        verifyAlg: { name: "RSASSA-PKCS1-v1_5" },
      };
    case "rsa-pss":
      if (!WEBCRYPTO_HASHES.has(scheme.hash) || scheme.mgf1Hash !== scheme.hash) return null;
      return {
        importAlg: { name: "RSA-PSS", hash: scheme.hash },
        verifyAlg: { name: "RSA-PSS", saltLength: scheme.saltLength },
      };
    case "ecdsa":
      if (!WEBCRYPTO_HASHES.has(scheme.hash) || WEBCRYPTO_CURVES[scheme.curve] === undefined) return null;
      return {
        importAlg: { name: "ECDSA", namedCurve: scheme.curve },
        verifyAlg: { name: "ECDSA", hash: scheme.hash },
      };
    case "eddsa":
      return { importAlg: { name: scheme.curve }, verifyAlg: { name: scheme.curve } };
    default:
      return null;
  }
}

async function verifyWithWebCrypto(input: SignatureInput): Promise<boolean | null> {
  const scheme = signatureScheme(input.publicKey, input.signatureAlgorithm);
  if (scheme.kind === "mismatch") return false;
  const p = params(scheme);
  if (p === null) return null;
  const subtle = globalThis.crypto.subtle;
  let key: Awaited<ReturnType<Subtle["importKey"]>>;
  try {
    const spki = input.publicKey.algorithm === "RSA-PSS" ? asRsaEncryption(input.spki) : bytes(input.spki);
    key = await subtle.importKey("spki", spki, p.importAlg, false, ["verify"]);
  } catch (cause) {
    // Ed25519/Ed448 are missing from some browsers: that is "cannot check", not "invalid".
    return cause instanceof Error && cause.name === "NotSupportedError" ? null : false;
  }
  try {
    let signature: Uint8Array<ArrayBuffer> | null = bytes(input.signature);
    if (scheme.kind === "ecdsa") signature = ecdsaRaw(input.signature, WEBCRYPTO_CURVES[scheme.curve] ?? 0);
    if (signature === null) return false;
    return await subtle.verify(p.verifyAlg, key, signature, bytes(input.data));
  } catch {
    return false;
  }
}

/**
 * The default provider, for the browser (and any runtime with WebCrypto). It checks RSA
 * (PKCS#1 v1.5 and PSS), ECDSA on P-256/384/521 and EdDSA where the browser has it; other
 * algorithms (MD5, SHA-224, secp256k1, brainpool) answer null: "not checked here".
 */
export const webCryptoProvider: CryptoProvider = {
  digest: async (name: DigestName, data: Uint8Array) =>
    new Uint8Array(await globalThis.crypto.subtle.digest(name, bytes(data))),
  verify: verifyWithWebCrypto,
};

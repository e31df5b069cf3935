import { DerReader, TAG } from "../der";
import type { CryptoProvider, DigestName, SignatureInput } from "./provider";
import { type SignatureScheme, signatureScheme } from "./scheme";

const WEBCRYPTO_HASHES = new Set(["SHA-1", "SHA-256", "SHA-384", "SHA-512"]);
const WEBCRYPTO_CURVES: Readonly<Record<string, number>> = { "P-256": 32, "P-384": 48, "P-521": 66 };

/** WebCrypto wants ArrayBuffer-backed views; a copy also detaches us from the caller's buffer. */
const bytes = (view: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(view);

/** ECDSA-Sig-Value (DER SEQUENCE of two INTEGERs) to WebCrypto's fixed-width r || s. */
function ecdsaRaw(der: Uint8Array, width: number): Uint8Array<ArrayBuffer> | null {
  const top = new DerReader(der, 0, der.length);
  const seq = DerReader.of(der, top.expect(TAG.SEQUENCE, "ECDSA-Sig-Value"));
  top.finish("ECDSA-Sig-Value");
  const out = new Uint8Array(width * 2);
  for (let i = 0; i < 2; i++) {
    const tlv = seq.expect(TAG.INTEGER, "ECDSA r/s");
    let v = der.subarray(tlv.contentStart, tlv.end);
    while (v.length > 0 && v[0] === 0) v = v.subarray(1);
    if (v.length > width) return null;
    out.set(v, i * width + width - v.length);
  }
  seq.finish("ECDSA-Sig-Value");
  return out;
}

/** An id-RSASSA-PSS SPKI rewritten as rsaEncryption: browsers import only the latter. */
function asRsaEncryption(spki: Uint8Array): Uint8Array<ArrayBuffer> {
  const r = new DerReader(spki, 0, spki.length);
  const inner = DerReader.of(spki, r.expect(TAG.SEQUENCE, "SubjectPublicKeyInfo"));
  inner.expect(TAG.SEQUENCE, "AlgorithmIdentifier");
  const bitString = inner.expect(TAG.BIT_STRING, "subjectPublicKey");
  const alg = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const body = [...alg, ...spki.subarray(bitString.start, bitString.end)];
  const n = body.length;
  const header = n < 0x80 ? [0x30, n] : n < 0x100 ? [0x30, 0x81, n] : [0x30, 0x82, n >> 8, n & 0xff];
  return new Uint8Array([...header, ...body]);
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

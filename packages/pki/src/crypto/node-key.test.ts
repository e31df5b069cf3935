import { createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import type { PublicKeyInfo } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { publicKeyObject } from "./node-key";

const RSA: PublicKeyInfo = { algorithm: "RSA", size: 2048, oid: "1.2.840.113549.1.1.1" };
const P256: PublicKeyInfo = { algorithm: "EC", size: 256, curve: "P-256", oid: "1.2.840.10045.2.1" };
const P384: PublicKeyInfo = { algorithm: "EC", size: 384, curve: "P-384", oid: "1.2.840.10045.2.1" };

const spkiOf = (k: KeyObject) => k.export({ type: "spki", format: "der" });
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
const p256 = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey;

/** What the plain DER decoder makes of the bytes: the key's SPKI, or the error's message. */
const viaDer = (der: Uint8Array) => {
  try {
    return spkiOf(createPublicKey({ key: Buffer.from(der), format: "der", type: "spki" })).toString("hex");
  } catch (error) {
    return `throws ${error instanceof Error ? error.constructor.name : "?"}`;
  }
};
const viaFast = (der: Uint8Array, info: PublicKeyInfo) => {
  try {
    return spkiOf(publicKeyObject(der, info)).toString("hex");
  } catch (error) {
    return `throws ${error instanceof Error ? error.constructor.name : "?"}`;
  }
};

const compressed = (() => {
  const jwk = p256.export({ format: "jwk" });
  const x = Buffer.from(jwk.x ?? "", "base64url");
  const y = Buffer.from(jwk.y ?? "", "base64url");
  const prefix = spkiOf(p256).subarray(0, 26 - 2);
  // SEQUENCE { AlgorithmIdentifier, BIT STRING (00 02|03 X) }, lengths rewritten.
  const alg = prefix.subarray(2, 2 + 21);
  const bits = Buffer.concat([Buffer.from([0x03, 34, 0x00, 0x02 | ((y.at(-1) ?? 0) & 1)]), x]);
  return Buffer.concat([Buffer.from([0x30, alg.length + bits.length]), alg, bits]);
})();

const rsaWithoutNull = (() => {
  const der = spkiOf(rsa);
  // 30 82 01 22 | 30 0d 06 09 <oid> 05 00 | 03 82 01 0f ...  →  AlgorithmIdentifier without NULL.
  const bits = der.subarray(4 + 15);
  const alg = Buffer.concat([Buffer.from([0x30, 0x0b]), der.subarray(6, 6 + 11)]);
  const body = Buffer.concat([alg, bits]);
  return Buffer.concat([Buffer.from([0x30, 0x82, body.length >> 8, body.length & 0xff]), body]);
})();

describe("publicKeyObject", () => {
  it.each([
    ["ok/RSA 2048 (JWK path)", spkiOf(rsa), RSA],
    ["ok/P-256 uncompressed (JWK path)", spkiOf(p256), P256],
    ["ok/P-384 (DER path)", spkiOf(p384), P384],
    ["ok/P-256 compressed point (DER path)", compressed, P256],
    ["ok/RSA without NULL parameters (not canonical: DER path decides)", rsaWithoutNull, RSA],
    ["fail/P-256 point off the curve", Buffer.concat([spkiOf(p256).subarray(0, -1), Buffer.from([0])]), P256],
    ["fail/truncated RSA key", spkiOf(rsa).subarray(0, 100), RSA],
    ["ok/an RSA key described as P-256 (mislabelled: DER path decides)", spkiOf(rsa), P256],
  ] as const)("%s: the same answer as the DER decoder", (name, der, info) => {
    const answer = viaDer(der);
    expect(answer.startsWith("throws")).toBe(name.startsWith("fail/"));
    expect(viaFast(der, info)).toBe(answer);
  });

  it("ok/the canonical P-256 prefix is what OpenSSL exports for every P-256 key", () => {
    for (let i = 0; i < 20; i++) {
      const der = spkiOf(generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey);
      expect(der.subarray(0, 26).toString("hex")).toBe(
        "3059301306072a8648ce3d020106082a8648ce3d030107034200",
      );
      expect(viaFast(der, P256)).toBe(viaDer(der));
    }
  });

  it("ok/the JWK path gives a key that verifies what the original verifies", () => {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const data = Buffer.from("tbs");
    const signature = sign("sha256", data, { key: privateKey, dsaEncoding: "der" });
    const key = publicKeyObject(spkiOf(publicKey), P256);
    expect(verify("sha256", data, { key, dsaEncoding: "der" }, signature)).toBe(true);
  });
});

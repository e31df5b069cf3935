import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pkiReaders } from "../pki-readers";
import { makeCsr } from "./make-csr";

const read = async (pem: string) => {
  const reading = await pkiReaders.readCsr(pem);
  if (!reading.ok) throw new Error(reading.error.code);
  return reading.value.preview;
};

describe("makeCsr", () => {
  it.each([
    ["a fresh P-256 key", {}, "EC", "ecdsa-with-SHA256"],
    ["a fresh P-384 key", { curve: "P-384" as const }, "EC", "ecdsa-with-SHA384"],
    [
      "a given RSA key",
      { key: generateKeyPairSync("rsa", { modulusLength: 2048 }) },
      "RSA",
      "sha256WithRSAEncryption",
    ],
  ])("signs with %s, and the signature verifies", async (_name, options, algorithm, signature) => {
    const preview = await read(makeCsr({ cn: "a.example.com", dns: ["a.example.com"], ...options }).pem);
    expect(preview.publicKey.algorithm).toBe(algorithm);
    expect(preview.signatureAlgorithm).toBe(signature);
    expect(preview.signatureValid).toBe(true);
  });

  it("with tamper, gives a CSR whose signature does not verify", async () => {
    expect((await read(makeCsr({ tamper: true }).pem)).signatureValid).toBe(false);
  });
});

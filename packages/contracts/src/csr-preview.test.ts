import { describe, expect, it } from "vitest";
import { CertificatePreviewSchema, CsrPreviewSchema, LintFindingSchema } from "./csr-preview";

const preview = {
  subject: "CN=shop.example.com,O=Example Shop Inc.",
  subjectRdns: [
    [{ oid: "2.5.4.10", name: "O", asn1Type: "UTF8String", value: "Example Shop Inc." }],
    [{ oid: "2.5.4.3", name: "CN", asn1Type: "UTF8String", value: "shop.example.com" }],
  ],
  subjectAltNames: [
    { type: "DNS", value: "shop.example.com" },
    { type: "OTHER", oid: "1.2.3.4", value: "x" },
  ],
  publicKey: {
    algorithm: "EC",
    size: 256,
    curve: "P-256",
    curveOid: "1.2.840.10045.3.1.7",
    oid: "1.2.840.10045.2.1",
  },
  signatureAlgorithm: "ecdsa-with-SHA256",
  signature: { oid: "1.2.840.10045.4.3.2", hash: "SHA-256" },
  signatureValid: true,
  extensions: { subjectAltName: { critical: false }, other: [] },
  attributes: [{ oid: "1.2.840.113549.1.9.7", name: "challengePassword", value: null, redacted: true }],
  fingerprints: { sha256: "ab", spkiSha256: "cd" },
  lengths: { der: 354, pem: 549, wire: 558, wireLimit: 5120, withinWireLimit: true },
  inputForm: "pem",
};

describe("CsrPreviewSchema", () => {
  it("ok/accepts a preview", () => {
    expect(CsrPreviewSchema.parse(preview)).toEqual(preview);
  });
  it("ok/signatureValid may be null (not checkable by this crypto provider)", () => {
    expect(CsrPreviewSchema.safeParse({ ...preview, signatureValid: null }).success).toBe(true);
  });
  it("fail/unknown SAN type", () => {
    const bad = { ...preview, subjectAltNames: [{ type: "dns", value: "x" }] };
    expect(CsrPreviewSchema.safeParse(bad).success).toBe(false);
  });
  it("fail/unknown key algorithm", () => {
    const bad = { ...preview, publicKey: { ...preview.publicKey, algorithm: "ECDSA" } };
    expect(CsrPreviewSchema.safeParse(bad).success).toBe(false);
  });
});

describe("LintFindingSchema", () => {
  it("ok/a finding in both languages", () => {
    const finding = { id: "no-sans", severity: "warning", message: { en: "No SAN.", zh: "没有 SAN。" } };
    expect(LintFindingSchema.parse(finding)).toEqual(finding);
  });
  it("fail/unknown id or severity", () => {
    const m = { en: "x", zh: "x" };
    expect(LintFindingSchema.safeParse({ id: "nope", severity: "error", message: m }).success).toBe(false);
    expect(LintFindingSchema.safeParse({ id: "no-sans", severity: "fatal", message: m }).success).toBe(false);
  });
});

describe("CertificatePreviewSchema", () => {
  it("fail/needs validity dates", () => {
    expect(CertificatePreviewSchema.safeParse({ subject: "CN=x" }).success).toBe(false);
  });
});

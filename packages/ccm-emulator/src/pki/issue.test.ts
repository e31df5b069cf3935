import { KeyObject } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { describe, expect, it } from "vitest";
import { verifyChain } from "../testing/openssl";
import { generateKeyPair, type KeyAlgorithm } from "./algorithms";
import { issuerPartsOf } from "./certificate-parts";
import { crypto, x509 } from "./crypto";
import { DEFAULT_KEY_USAGE, type Signer, signCertificate } from "./issue";
import { keyIdOf } from "./key-id";

const NOW = Date.parse("2026-11-25T00:00:00.250Z");
const DAY = 24 * 3600 * 1000;
const pem = (der: Uint8Array) => x509.PemConverter.encode(der, "CERTIFICATE");
const nameDer = (s: string) => new Uint8Array(new x509.Name(s).toArrayBuffer());
const bytes = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b));

async function keyOf(alg: KeyAlgorithm) {
  const keys = await generateKeyPair(alg);
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey));
  return {
    spki,
    key: KeyObject.from(keys.privateKey),
    publicKey: await x509.PublicKey.create(keys.publicKey),
  };
}

/** A self-signed CA of the given key type and a signer for it. */
async function rootCa(alg: KeyAlgorithm) {
  const k = await keyOf(alg);
  const subject = nameDer(`CN=Test Root ${alg}, O=Example`);
  const signed = signCertificate(
    {
      subject,
      spki: k.spki,
      subjectKeyId: keyIdOf(k.spki),
      notBefore: NOW - DAY,
      notAfter: NOW + 3650 * DAY,
      ca: { pathLength: null },
      keyUsage: DEFAULT_KEY_USAGE.INTERMEDIATE_CA,
    },
    { self: k.key, keyAlgorithm: alg },
  );
  const signer: Signer = { name: subject, keyId: keyIdOf(k.spki), key: k.key, keyAlgorithm: alg };
  return { signed, signer, certificate: new x509.X509Certificate(signed.der) };
}

describe("signCertificate", () => {
  it.each(["EC256", "EC384", "RSA2048"] as const)(
    "ok/%s issuer: fields, extensions and signature",
    async (alg) => {
      const root = await rootCa(alg);
      expect(await root.certificate.verify({ signatureOnly: true })).toBe(true);
      expect(root.certificate.issuer).toBe(root.certificate.subject);
      expect(root.certificate.getExtension(x509.AuthorityKeyIdentifierExtension)).toBeNull();
      const rootBasic = root.certificate.getExtension(x509.BasicConstraintsExtension);
      expect([rootBasic?.ca, rootBasic?.pathLength, rootBasic?.critical]).toEqual([true, undefined, true]);

      const leaf = await keyOf("EC256");
      const san = new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "a.example.com" }]);
      const signed = signCertificate(
        {
          subject: nameDer("CN=a.example.com, O=Example"),
          spki: leaf.spki,
          subjectKeyId: keyIdOf(leaf.spki),
          notBefore: NOW,
          notAfter: NOW + 90 * DAY,
          keyUsage: DEFAULT_KEY_USAGE.ENTITY_CERT,
          copied: [new Uint8Array(san.rawData)],
        },
        root.signer,
      );
      const cert = new x509.X509Certificate(signed.der);
      expect(await cert.verify({ publicKey: root.certificate.publicKey, signatureOnly: true })).toBe(true);
      expect(cert.signatureAlgorithm.hash).toEqual({ name: "SHA-384" });
      expect(cert.serialNumber).toBe(signed.serialNumber);
      expect(cert.subject).toBe("CN=a.example.com, O=Example");
      expect(bytes(cert.issuerName.toArrayBuffer())).toEqual(
        bytes(root.certificate.subjectName.toArrayBuffer()),
      );
      expect(cert.notBefore.getTime()).toBe(Math.floor(NOW / 1000) * 1000);
      expect(signed.notBefore).toBe(cert.notBefore.getTime());
      expect(signed.notAfter).toBe(cert.notAfter.getTime());
      expect(bytes(cert.publicKey.rawData)).toEqual(bytes(leaf.spki));

      const basic = cert.getExtension(x509.BasicConstraintsExtension);
      expect([basic?.ca, basic?.critical]).toEqual([false, true]);
      const usage = cert.getExtension(x509.KeyUsagesExtension);
      expect([usage?.usages, usage?.critical]).toEqual([DEFAULT_KEY_USAGE.ENTITY_CERT, true]);
      const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
      expect(ski?.keyId).toBe((await x509.SubjectKeyIdentifierExtension.create(leaf.publicKey)).keyId);
      const rootSki = root.certificate.getExtension(x509.SubjectKeyIdentifierExtension);
      expect(cert.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(rootSki?.keyId);
      const copied = cert.extensions.find((e) => e.type === "2.5.29.17");
      expect(bytes(copied?.rawData ?? new ArrayBuffer(0))).toEqual(bytes(san.rawData));

      expect(verifyChain(pem(root.signed.der), "", pem(signed.der)).trim()).toMatch(/cert\.pem: OK$/);
    },
  );

  it("ok/INTERMEDIATE_CA with path length 0 and a copied key usage; dates past 2049", async () => {
    const root = await rootCa("EC256");
    const sub = await keyOf("EC384");
    const usage = new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, false);
    const signed = signCertificate(
      {
        subject: nameDer("CN=Sub"),
        spki: sub.spki,
        subjectKeyId: keyIdOf(sub.spki),
        notBefore: Date.parse("2049-06-01T00:00:00Z"),
        notAfter: Date.parse("2051-06-01T00:00:00Z"),
        ca: { pathLength: 0 },
        keyUsage: new Uint8Array(usage.rawData),
      },
      root.signer,
    );
    const cert = new x509.X509Certificate(signed.der);
    const basic = cert.getExtension(x509.BasicConstraintsExtension);
    expect([basic?.ca, basic?.pathLength]).toEqual([true, 0]);
    const ku = cert.getExtension(x509.KeyUsagesExtension);
    expect([ku?.usages, ku?.critical]).toEqual([x509.KeyUsageFlags.keyCertSign, false]);
    expect(cert.notAfter.toISOString()).toBe("2051-06-01T00:00:00.000Z");
    // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
    const { validity } = AsnConvert.parse(signed.der, Certificate).tbsCertificate;
    expect([validity.notBefore.utcTime, validity.notAfter.generalTime]).toEqual([
      new Date("2049-06-01T00:00:00Z"),
      new Date("2051-06-01T00:00:00Z"),
    ]);
  });
});

describe("issuerPartsOf", () => {
  it("ok/subject bytes and SKI of a certificate", async () => {
    const root = await rootCa("EC256");
    const parts = issuerPartsOf(root.signed.der);
    expect(bytes(parts.name)).toEqual(bytes(root.signer.name));
    expect(bytes(parts.keyId)).toEqual(bytes(root.signer.keyId));
  });

  it("ok/a certificate without SKI: the key's RFC 5280 identifier", async () => {
    const keys = await generateKeyPair("EC256");
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      name: "CN=No SKI",
      keys,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    });
    const parts = issuerPartsOf(new Uint8Array(cert.rawData));
    expect(bytes(parts.keyId)).toEqual(bytes(await cert.publicKey.getKeyIdentifier()));
    expect(bytes(parts.name)).toEqual(bytes(cert.subjectName.toArrayBuffer()));
  });

  it("fail/not a certificate", () => {
    expect(() => issuerPartsOf(Uint8Array.of(0x30, 0x00))).toThrow();
  });
});

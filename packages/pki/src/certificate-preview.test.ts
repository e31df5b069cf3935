import "reflect-metadata";
import { CertificatePreviewSchema } from "@pca/contracts";
import * as x509 from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { previewCertificate, previewCertificates } from "./certificate-preview";
import { nodeCryptoProvider } from "./crypto/node";
import { fixtureBytes } from "./testing/fixtures";

x509.cryptoProvider.set(globalThis.crypto);
const crypto = nodeCryptoProvider;
const alg = { name: "ECDSA", namedCurve: "P-384", hash: "SHA-384" } as const;

async function makeChain() {
  const caKeys = await globalThis.crypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const leafKeys = await globalThis.crypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    // @peculiar/x509 reads name strings in DER order; the preview prints RFC 4514 order.
    name: "C=CN,O=Example Org,CN=Example Root CA",
    notBefore: new Date("2025-01-01T00:00:00Z"),
    notAfter: new Date("2045-01-01T00:00:00Z"),
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: "7f3a09",
    subject: "O=示例科技有限公司,CN=shop.example.com",
    issuer: ca.subject,
    notBefore: new Date("2026-03-01T08:00:00Z"),
    notAfter: new Date("2027-03-01T08:00:00Z"),
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "shop.example.com" },
        { type: "ip", value: "2001:db8::1" },
      ]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  return { ca, leaf };
}

describe("previewCertificate", () => {
  it("ok/the self-signed fixture certificate", async () => {
    const result = await previewCertificate(fixtureBytes("bad/certificate.pem"), { crypto });
    if (!result.ok) throw new Error(result.error.message);
    const cert = CertificatePreviewSchema.parse(result.value);
    expect(cert.subject).toBe("CN=selfsigned.example.com,O=Example Test");
    expect(cert.selfIssued).toBe(true);
    expect(cert.publicKey).toMatchObject({ algorithm: "EC", curve: "P-256" });
    const oracle = new x509.X509Certificate(new TextDecoder().decode(fixtureBytes("bad/certificate.pem")));
    expect(cert.serialNumber).toBe(oracle.serialNumber.toLowerCase());
    expect(cert.notAfterMs).toBe(oracle.notAfter.getTime());
    expect(cert.fingerprints.sha256).toBe(Buffer.from(await oracle.getThumbprint("SHA-256")).toString("hex"));
  });

  it("ok/a leaf and its CA as a chain, checked against @peculiar/x509", async () => {
    const { ca, leaf } = await makeChain();
    const result = await previewCertificates(`${leaf.toString("pem")}\n${ca.toString("pem")}\n`, { crypto });
    if (!result.ok) throw new Error(result.error.message);
    const [l, c] = result.value;
    expect(l).toMatchObject({
      subject: "CN=shop.example.com,O=示例科技有限公司",
      issuer: "CN=Example Root CA,O=Example Org,C=CN",
      serialNumber: "7f3a09",
      version: 3,
      notBefore: "2026-03-01T08:00:00.000Z",
      notAfter: "2027-03-01T08:00:00.000Z",
      subjectAltNames: [
        { type: "DNS", value: "shop.example.com" },
        { type: "IP", value: "2001:db8::1" },
      ],
      publicKey: { algorithm: "EC", size: 384, curve: "P-384" },
      signatureAlgorithm: "ecdsa-with-SHA384",
      selfIssued: false,
    });
    expect(l?.extensions.extendedKeyUsage?.values).toEqual([
      { oid: "1.3.6.1.5.5.7.3.1", name: "serverAuth" },
    ]);
    expect(l?.extensions.authorityKeyIdentifier?.keyIdentifier).toBe(
      c?.extensions.subjectKeyIdentifier?.value,
    );
    expect(c?.extensions.basicConstraints).toEqual({ critical: true, ca: true, pathLength: 1 });
    expect(c?.extensions.keyUsage).toEqual({ critical: true, values: ["keyCertSign", "cRLSign"] });
    expect(c?.fingerprints.sha1).toBe(Buffer.from(await ca.getThumbprint("SHA-1")).toString("hex"));
  });

  it.each([
    ["a CSR", "csr/rsa2048-shop.pem", "CERTIFICATE_UNPARSEABLE"],
    ["a private key", "bad/private-key-pkcs8.pem", "CSR_PRIVATE_KEY"],
    ["random bytes", "bad/random.bin", "CERTIFICATE_UNPARSEABLE"],
    ["deep nesting", "bad/deep-nesting-10000.der", "CERTIFICATE_UNPARSEABLE"],
  ])("fail/%s", async (_, file, code) => {
    const result = await previewCertificate(fixtureBytes(file), { crypto });
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it("fail/a chain given to previewCertificate", async () => {
    const { ca, leaf } = await makeChain();
    const result = await previewCertificate(leaf.toString("pem") + ca.toString("pem"), { crypto });
    expect(result).toMatchObject({ ok: false, error: { code: "CERTIFICATE_UNPARSEABLE" } });
  });
});

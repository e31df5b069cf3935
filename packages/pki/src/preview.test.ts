import { CsrPreviewSchema } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { nodeCryptoProvider } from "./crypto/node";
import { webCryptoProvider } from "./crypto/webcrypto";
import { decodeCsr } from "./decode-csr";
import { previewCsr } from "./preview";
import { type ExpectedParse, expected, fixtureBytes } from "./testing/fixtures";
import { toWire } from "./wire";

/** Every valid CSR, and the bad ones that parse (altered or flipped signatures). */
const cases: [string, ExpectedParse][] = [
  ...expected.csr.map((c): [string, ExpectedParse] => [c.file, c]),
  ...expected.bad.flatMap((b): [string, ExpectedParse][] => (b.parsed ? [[b.file, b.parsed]] : [])),
];

const providers = { node: nodeCryptoProvider, webcrypto: webCryptoProvider };

describe.each(Object.entries(providers))("previewCsr with the %s provider", (_, crypto) => {
  it.each(cases)("ok/%s agrees with expected.json", async (file, want) => {
    const decoded = decodeCsr(fixtureBytes(file));
    if (!decoded.ok) throw new Error(`${file}: ${decoded.error.code}`);
    const preview = CsrPreviewSchema.parse(await previewCsr(decoded.value, { crypto }));

    expect(preview.subject).toBe(want.subject_rfc4514);
    expect(
      preview.subjectRdns
        .flat()
        .map((a) => ({ oid: a.oid, name: a.name, asn1_type: a.asn1Type, value: a.value })),
    ).toEqual(want.subject_attributes);
    expect(preview.subjectAltNames).toEqual(
      want.sans.map((s) => ({ type: s.type.toUpperCase(), value: s.value })),
    );

    expect(preview.publicKey.algorithm).toBe(want.key.algorithm);
    expect(preview.publicKey.oid).toBe(want.key.oid);
    if (want.key.bits !== undefined) expect(preview.publicKey.size).toBe(want.key.bits);
    expect(preview.publicKey.curve).toBe(want.key.curve);
    expect(preview.publicKey.curveOid).toBe(want.key.curve_oid);

    const sig = want.signature_algorithm;
    expect(preview.signatureAlgorithm).toBe(sig.name);
    expect(preview.signature.oid).toBe(sig.oid);
    expect(preview.signature.hash).toBe(sig.hash);
    expect(preview.signature.pss).toEqual(
      sig.pss && { hash: sig.pss.hash, mgf1Hash: sig.pss.mgf1_hash, saltLength: sig.pss.salt_length },
    );
    expect(preview.signatureValid).toBe(want.signature_valid);

    const ext = want.extensions;
    expect(preview.extensions.subjectAltName?.critical).toBe(ext.subject_alt_name_critical);
    expect(preview.extensions.keyUsage).toEqual(ext.key_usage);
    expect(preview.extensions.extendedKeyUsage).toEqual(ext.extended_key_usage);
    expect(preview.extensions.basicConstraints).toEqual(
      ext.basic_constraints && {
        ca: ext.basic_constraints.ca,
        pathLength: ext.basic_constraints.path_length,
        critical: ext.basic_constraints.critical,
      },
    );
    expect(preview.extensions.other).toEqual([]);

    expect(preview.attributes.map((a) => a.name).sort()).toEqual(Object.keys(want.attributes).sort());
    for (const attribute of preview.attributes) {
      if (attribute.name === "challengePassword")
        expect(attribute).toMatchObject({ value: null, redacted: true });
      else expect(attribute.value).toBe(want.attributes[attribute.name]);
    }

    expect(preview.fingerprints).toEqual({ sha256: want.der_sha256, spkiSha256: want.spki_sha256 });
    expect(preview.lengths).toMatchObject({
      der: want.der_length,
      pem: want.lengths.pem_lf,
      wire: want.lengths.ccm_wire,
    });
    expect(preview.lengths.withinWireLimit).toBe(!want.hints.includes("too_long_for_ccm"));
  });
});

describe("toWire", () => {
  it.each(cases)("ok/%s has the lengths of expected.json", (file, want) => {
    const decoded = decodeCsr(fixtureBytes(file));
    if (!decoded.ok) throw new Error(decoded.error.code);
    const wire = toWire(decoded.value);
    if (want.lengths.ccm_wire > 5120) {
      expect(wire).toMatchObject({ ok: false, error: { code: "CSR_TOO_LONG" } });
      return;
    }
    if (!wire.ok) throw new Error(wire.error.code);
    expect(wire.value.length).toBe(want.lengths.ccm_wire);
    expect(JSON.stringify(wire.value).length - 2).toBe(want.lengths.json_escaped_crlf);
    expect(wire.value).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\r\n[\s\S]*\r\n-----END CERTIFICATE REQUEST-----$/,
    );
    expect(wire.value).not.toMatch(/[^\r]\n/);
  });
});

describe("previewCsr on generated CSRs (names and extensions the fixtures lack)", () => {
  it("ok/UPN, URI and IPv6 SANs, an unknown critical extension, multi-valued RDN", async () => {
    const { generateCsr } = await import("./testing/generate");
    const x509 = await import("@peculiar/x509");
    const upn = new x509.GeneralName("upn", "alice@corp.example");
    const csr = await generateCsr({
      subject: "C=CN+O=Example,CN=alice",
      extensions: [
        new x509.SubjectAlternativeNameExtension([
          upn.toJSON(),
          { type: "url", value: "https://id.example/alice" },
          { type: "ip", value: "2001:db8:0:0:0:0:0:1" },
        ]),
        new x509.Extension("1.2.3.4.5", true, new Uint8Array([0x05, 0x00])),
      ],
    });
    const decoded = decodeCsr(csr.pem);
    if (!decoded.ok) throw new Error(decoded.error.code);
    const preview = await previewCsr(decoded.value, { crypto: nodeCryptoProvider });
    expect(preview.subject).toBe("CN=alice,C=CN+O=Example");
    expect(preview.subjectAltNames).toEqual([
      { type: "UPN", value: "alice@corp.example" },
      { type: "URI", value: "https://id.example/alice" },
      { type: "IP", value: "2001:db8::1" },
    ]);
    expect(preview.extensions.other).toEqual([{ oid: "1.2.3.4.5", critical: true, length: 2 }]);
    expect(preview.signatureValid).toBe(true);
  });
});

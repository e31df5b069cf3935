import type { CsrPreview, LintId } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { nodeCryptoProvider } from "../crypto/node";
import { decodeCsr } from "../decode-csr";
import { previewCsr } from "../preview";
import { expected, fixtureBytes } from "../testing/fixtures";
import { generateCsr } from "../testing/generate";
import { isValidDnsName } from "./dns-names";
import { lintCsr } from "./index";

/** The mechanical hints of expected.json and the rule each one must trigger. */
const HINT_RULES: Readonly<Record<string, LintId>> = {
  weak_key: "rsa-key-too-small",
  sha1_signature: "weak-signature-hash",
  too_long_for_ccm: "wire-too-long",
  ca_request: "ca-requested",
  empty_subject: "empty-subject",
  no_sans: "no-sans",
  cn_not_in_sans: "cn-not-in-sans",
  key_not_in_ccm_list: "key-type-not-in-ccm",
  challenge_password_present: "challenge-password",
  signature_invalid: "signature-invalid",
};

async function preview(input: string | Uint8Array, crypto = nodeCryptoProvider): Promise<CsrPreview> {
  const decoded = decodeCsr(input);
  if (!decoded.ok) throw new Error(decoded.error.code);
  return previewCsr(decoded.value, { crypto });
}

const ids = (p: CsrPreview): LintId[] => [...new Set(lintCsr(p).map((f) => f.id))].sort();

const fixtures = [
  ...expected.csr.map((c) => [c.file, c.hints, c.sans.length] as const),
  ...expected.bad.flatMap((b) => (b.parsed ? [[b.file, b.parsed.hints, b.parsed.sans.length] as const] : [])),
];

describe("lintCsr on every fixture", () => {
  it.each(fixtures)("%s: exactly the rules its hints name", async (file, hints, sanCount) => {
    const want = hints.map((h) => HINT_RULES[h] ?? `unmapped:${h}`);
    if (sanCount > 20) want.push("too-many-sans");
    expect(ids(await preview(fixtureBytes(file)))).toEqual([...new Set(want)].sort());
  });

  it("every rule of expected.json's hints fires on one fixture and stays quiet on another", () => {
    for (const rule of [...Object.values(HINT_RULES), "too-many-sans"]) {
      const firing = fixtures.filter(([, hints, n]) =>
        rule === "too-many-sans" ? n > 20 : hints.some((h) => HINT_RULES[h] === rule),
      );
      expect(firing.length, rule).toBeGreaterThan(0);
      expect(firing.length, rule).toBeLessThan(fixtures.length);
    }
  });
});

describe("lint rules without a shared fixture", () => {
  it("dns-name-malformed: fail/underscore, leading hyphen, empty label; ok/wildcard", async () => {
    const bad = await generateCsr({ dns: ["bad_name.example.com", "-lead.example.com", "a..b.example.com"] });
    const finding = lintCsr(await preview(bad.pem)).find((f) => f.id === "dns-name-malformed");
    expect(finding?.severity).toBe("error");
    expect(finding?.message.en).toContain("bad_name.example.com");
    const good = await generateCsr({
      subject: "CN=a.example.com",
      dns: ["a.example.com", "*.a.example.com"],
    });
    expect(ids(await preview(good.pem))).toEqual([]);
  });

  it("idn-not-punycode: fail/raw Unicode name; ok/its punycode", async () => {
    const raw = await generateCsr({ subject: "CN=xn--bcher-kva.example", dns: ["bücher.example"] });
    expect(ids(await preview(raw.pem))).toContain("idn-not-punycode");
    const puny = await generateCsr({ subject: "CN=xn--bcher-kva.example", dns: ["xn--bcher-kva.example"] });
    expect(ids(await preview(puny.pem))).toEqual([]);
  });

  it("signature-unverified: a provider that cannot check says so; one that can does not", async () => {
    const file = fixtureBytes("csr/ec-p256-mail-tls.pem");
    const blind = { ...nodeCryptoProvider, verify: () => null };
    expect(ids(await preview(file, blind))).toEqual(["signature-unverified"]);
    expect(ids(await preview(file))).toEqual([]);
  });
});

describe("lint messages", () => {
  it("every finding has an English and a Simplified Chinese sentence", async () => {
    for (const [file] of fixtures) {
      for (const f of lintCsr(await preview(fixtureBytes(file)))) {
        expect(f.message.en).toMatch(/^[A-Z].*\.$/);
        expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("errors come before warnings and warnings before info", async () => {
    const findings = lintCsr(await preview(fixtureBytes("bad/altered-subject.pem")));
    expect(findings.map((f) => f.severity)).toEqual(["error", "warning"]);
  });
});

describe("isValidDnsName", () => {
  it.each([
    ["ok", "example.com", true],
    ["ok", "*.example.com", true],
    ["ok", "xn--bcher-kva.example", true],
    ["ok", "localhost", true],
    ["fail", "*.*.example.com", false],
    ["fail", "a*.example.com", false],
    ["fail", "example.com.", false],
    ["fail", `${"a".repeat(64)}.example.com`, false],
    ["fail", "under_score.example", false],
    ["fail", "", false],
  ])("%s/%s", (_, name, valid) => {
    expect(isValidDnsName(name)).toBe(valid);
  });
});

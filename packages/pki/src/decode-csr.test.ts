import { describe, expect, it } from "vitest";
import { decodeCsr } from "./decode-csr";
import { ERROR_KIND_CODES, expected, fixtureBytes, hugeInput } from "./testing/fixtures";

const sha256 = async (bytes: Uint8Array) =>
  Buffer.from(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes))).toString("hex");

describe("decodeCsr: every input form of the same CSR gives the same DER", () => {
  it.each(expected.csr_forms.map((f) => [f.file, f] as const))("ok/%s", async (file, form) => {
    const bytes = fixtureBytes(file);
    const fromBytes = decodeCsr(bytes);
    const fromText = decodeCsr(new TextDecoder().decode(bytes));
    const source = decodeCsr(fixtureBytes(form.same_as));
    if (!fromBytes.ok || !fromText.ok || !source.ok) throw new Error(`${file} was refused`);
    expect(await sha256(fromBytes.value.der)).toBe(form.der_sha256);
    expect(fromText.value.der).toEqual(source.value.der);
    expect(fromBytes.value.form).toBe(form.form.startsWith("bare-base64") ? "base64" : "pem");
  });

  it.each(expected.csr.map((c) => [c.file, c] as const))("ok/%s decodes to its DER", async (file, want) => {
    const decoded = decodeCsr(fixtureBytes(file));
    if (!decoded.ok) throw new Error(decoded.error.code);
    expect(decoded.value.der.length).toBe(want.der_length);
    expect(await sha256(decoded.value.der)).toBe(want.der_sha256);
    expect(decoded.value.form).toBe(want.encoding === "DER" ? "der" : "pem");
  });
});

describe("decodeCsr: refusals", () => {
  const refused = expected.bad.filter((b) => b.error_kind !== "signature_invalid");

  it.each(refused.map((b) => [b.file, b] as const))("fail/%s", (file, bad) => {
    const input = bad.stored === false ? hugeInput() : fixtureBytes(file);
    const started = performance.now();
    const result = decodeCsr(input);
    expect(performance.now() - started).toBeLessThan(250);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(ERROR_KIND_CODES[bad.error_kind]);
    expect(result.error.message.length).toBeGreaterThan(20);
  });

  it("fail/huge input is refused by size before decoding, as text and as bytes", () => {
    const huge = hugeInput();
    expect(huge.length).toBe(2129990);
    expect(decodeCsr(huge)).toMatchObject({ ok: false, error: { code: "CSR_TOO_LARGE" } });
    expect(decodeCsr(new TextEncoder().encode(huge))).toMatchObject({
      ok: false,
      error: { code: "CSR_TOO_LARGE" },
    });
  });

  it.each([
    [
      "the NEW CERTIFICATE REQUEST label",
      (pem: string) => pem.replaceAll("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"),
    ],
    ["CR-only newlines", (pem: string) => pem.replaceAll("\n", "\r")],
    ["a JSON string with quotes", (pem: string) => JSON.stringify(pem)],
    ["JSON with escaped slashes", (pem: string) => JSON.stringify(pem).replaceAll("/", "\\/")],
    ["JSON inside JSON (doubled escapes)", (pem: string) => JSON.stringify(JSON.stringify(pem))],
    ["explanatory text around the block", (pem: string) => `Here is my CSR:\n${pem}\nThanks`],
  ])("ok/%s", (_, transform) => {
    const pem = new TextDecoder().decode(fixtureBytes("csr/rsa2048-shop.pem"));
    const want = decodeCsr(pem);
    const got = decodeCsr(transform(pem));
    if (!want.ok || !got.ok) throw new Error("refused");
    expect(got.value.der).toEqual(want.value.der);
  });

  it.each([
    ["\\n\\n   ", "CSR_EMPTY"],
    ['""', "CSR_EMPTY"],
    ["-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----", "CSR_WRONG_PEM_LABEL"],
    ["-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE-----", "CSR_NOT_PEM"],
    ["MIIB\n-----END CERTIFICATE REQUEST-----", "CSR_TRUNCATED"],
    ["-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----", "CSR_TRUNCATED"],
    [
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----",
      "CSR_PRIVATE_KEY",
    ],
    ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none", "CSR_PRIVATE_KEY"],
    ["hello", "CSR_NOT_PEM"],
  ])("fail/%j", (input, code) => {
    expect(decodeCsr(input)).toMatchObject({ ok: false, error: { code } });
  });

  it("fail/a private key as DER or bare base64 is recognised by its shape", () => {
    const pem = new TextDecoder().decode(fixtureBytes("bad/private-key-pkcs8.pem"));
    const body = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
    expect(decodeCsr(body)).toMatchObject({ ok: false, error: { code: "CSR_PRIVATE_KEY" } });
    expect(decodeCsr(Buffer.from(body, "base64"))).toMatchObject({
      ok: false,
      error: { code: "CSR_PRIVATE_KEY" },
    });
  });

  it("fail/a CSR body with a certificate's DER under its label says certificate", () => {
    const pem = new TextDecoder().decode(fixtureBytes("bad/certificate.pem"));
    const relabelled = pem.replaceAll("CERTIFICATE", "CERTIFICATE REQUEST");
    expect(decodeCsr(relabelled)).toMatchObject({ ok: false, error: { code: "CSR_IS_CERTIFICATE" } });
  });
});

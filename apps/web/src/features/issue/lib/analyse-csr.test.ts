import { describe, expect, it } from "vitest";
import { fixtures } from "../../../testing/fixtures";
import { analyseCsr } from "./analyse-csr";

/** Every input form pki accepts must give the same preview, locally. */
const pem = fixtures.ecPem();
const base64 = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");

describe("analyseCsr (real @pca/pki)", () => {
  const forms: [string, string | Uint8Array][] = [
    ["ok/pem LF", pem],
    ["ok/pem CRLF", pem.replace(/\n/g, "\r\n")],
    ["ok/JSON-escaped \\n", pem.replace(/\n/g, "\\n")],
    ["ok/JSON-escaped \\r\\n", pem.replace(/\n/g, "\\r\\n")],
    ["ok/bare base64", base64],
    ["ok/PEM as file bytes", new TextEncoder().encode(pem)],
  ];
  it.each(forms)("%s gives the same subject and fingerprint", async (_name, input) => {
    const reference = await analyseCsr(pem);
    const result = await analyseCsr(input);
    if (!reference.ok || !result.ok) throw new Error("expected a preview");
    expect(result.preview.subject).toBe(reference.preview.subject);
    expect(result.preview.fingerprints).toEqual(reference.preview.fingerprints);
    expect(result.preview.signatureValid).toBe(true);
    expect(result.wire.ok && result.wire.value.includes("\r\n")).toBe(true);
  });

  it("ok/a DER file", async () => {
    const result = await analyseCsr(fixtures.derBytes());
    expect(result.ok && result.preview.inputForm).toBe("der");
  });

  it("fail/a bad signature is previewed with signatureValid false and a lint error", async () => {
    const result = await analyseCsr(fixtures.badSignaturePem());
    if (!result.ok) throw new Error("expected a preview");
    expect(result.preview.signatureValid).toBe(false);
    expect(result.lint.some((f) => f.id === "signature-invalid" && f.severity === "error")).toBe(true);
  });

  it("fail/a private key is refused with its own code", async () => {
    const fake =
      "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
    const result = await analyseCsr(fake);
    expect(result.ok ? null : result.error.code).toBe("CSR_PRIVATE_KEY");
  });

  it("fail/nonsense is a coded refusal", async () => {
    const result = await analyseCsr("hello world");
    expect(result.ok).toBe(false);
  });
});

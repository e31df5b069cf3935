import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ApiErrorBodySchema, CsrPreviewResponseSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../http/testing/client";
import { makeCsr } from "../issuance/testing/make-csr";
import { type ResourceApp, startResourceApp } from "../resources/testing/resource-app";
import { FIXTURES_DIR } from "../testing/fixtures";

const FIXTURES = FIXTURES_DIR;
let r: ResourceApp;
beforeAll(async () => {
  r = await startResourceApp();
});
afterAll(() => r.close());

const preview = (client: ApiClient, csr: string) =>
  client.request("POST", "/api/csr/preview", { body: { csr } });

describe("POST /api/csr/preview", () => {
  it.each(readdirSync(join(FIXTURES, "csr-forms")))("ok/every input form: %s", async (file) => {
    const res = await preview(r.viewer, readFileSync(join(FIXTURES, "csr-forms", file), "utf8"));
    expect(res.status).toBe(200);
    const body = CsrPreviewResponseSchema.parse(res.json);
    expect(body.preview.signatureValid).toBe(true);
    expect(body.wire.csr).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\r\n[\s\S]+\r\n-----END CERTIFICATE REQUEST-----$/,
    );
    expect(body.wire.length).toBe(body.wire.csr.length);
  });

  it("ok/shows a bad signature as a finding, not a refusal", async () => {
    const res = await preview(r.viewer, makeCsr({ tamper: true }).pem);
    expect(res.status).toBe(200);
    const body = CsrPreviewResponseSchema.parse(res.json);
    expect(body.preview.signatureValid).toBe(false);
    expect(body.lint.map((f) => f.id)).toContain("signature-invalid");
  });

  it("ok/an oversize CSR previews with withinLimit false", async () => {
    const res = await preview(r.viewer, readFileSync(join(FIXTURES, "csr/many-sans-oversize.pem"), "utf8"));
    expect(CsrPreviewResponseSchema.parse(res.json).wire.withinLimit).toBe(false);
  });

  it("fail/anonymous callers get 401", async () => {
    const res = await preview(new ApiClient(r.app.url), makeCsr().pem);
    expect(res.status).toBe(401);
  });

  it("fail/without the CSRF token a session gets 403", async () => {
    const res = await r.viewer.request("POST", "/api/csr/preview", {
      body: { csr: makeCsr().pem },
      noCsrf: true,
    });
    expect(ApiErrorBodySchema.parse(res.json).error.code).toBe("CSRF_FAILED");
  });

  it("fail/over 64 KiB is refused by the schema", async () => {
    const res = await preview(r.viewer, "A".repeat(70_000));
    expect(res.status).toBe(400);
  });
});

describe("POST /api/csr/preview with the bad fixtures", () => {
  const bad = readdirSync(join(FIXTURES, "bad"));
  it.each(bad)("%s: a clear 4xx or a flagged preview, never echoed, never upstream", async (file) => {
    const text = readFileSync(join(FIXTURES, "bad", file)).toString("latin1");
    const before = r.hits("CreateCertificateByCsr") + r.hits("ListCertificate");
    const res = await preview(r.viewer, text);
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) {
      // Structurally a CSR: the preview must say its signature fails.
      expect(CsrPreviewResponseSchema.parse(res.json).preview.signatureValid).toBe(false);
    } else {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(ApiErrorBodySchema.parse(res.json).error.code).toMatch(/^(CSR_|VALIDATION_FAILED)/);
      const probe = text.trim().slice(40, 80);
      if (probe.trim().length >= 20) expect(res.text).not.toContain(probe);
    }
    expect(r.hits("CreateCertificateByCsr") + r.hits("ListCertificate")).toBe(before);
  });
});

import {
  ApiErrorBodySchema,
  CaCertificateResponseSchema,
  CaCsrResponseSchema,
  CaListResponseSchema,
  CertificateAuthoritySchema,
} from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../http/testing/client";
import { type ResourceApp, startResourceApp } from "../resources/testing/resource-app";

let r: ResourceApp;
beforeAll(async () => {
  r = await startResourceApp();
});
afterAll(() => r.close());

const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const auditActions = async () =>
  (await r.app.deps.audit.query({ limit: 1000 })).events.map((e) => `${e.action}:${e.target}`);

describe("GET /api/cas", () => {
  it("ok/lists the seeded CAs in CCM's field names", async () => {
    const res = await r.viewer.request("GET", "/api/cas?limit=100");
    expect(res.status).toBe(200);
    const body = CaListResponseSchema.parse(res.json);
    expect(Object.keys(res.json as object).sort()).toEqual(["certificate_authorities", "total"]);
    expect(body.total).toBe(4);
    expect(body.certificate_authorities.map((c) => c.ca_id)).toContain(r.seeded.issuingCaId);
  });

  it.each([
    ["status=PENDING", (ids: string[]) => expect(ids).toEqual([r.seeded.partnerCaId])],
    ["type=ROOT", (ids: string[]) => expect(ids).toEqual([r.seeded.rootCaId])],
    ["name=Issuing", (ids: string[]) => expect(ids).toEqual([r.seeded.issuingCaId])],
    ["limit=2&offset=0&sort_key=common_name&sort_dir=ASC", (ids: string[]) => expect(ids).toHaveLength(2)],
  ])("ok/passes CCM's filters: %s", async (query, check) => {
    const res = await r.viewer.request("GET", `/api/cas?${query}`);
    expect(res.status).toBe(200);
    check(CaListResponseSchema.parse(res.json).certificate_authorities.map((c) => c.ca_id));
  });

  it.each(["limit=1001", "status=ACTIVE", "sort_key=issuer_name", "page=2"])(
    "fail/refuses %s before CCM",
    async (query) => {
      const res = await r.viewer.request("GET", `/api/cas?${query}`);
      expect(res.status).toBe(400);
    },
  );

  it("fail/anonymous gets 401", async () => {
    expect((await new ApiClient(r.app.url).request("GET", "/api/cas")).status).toBe(401);
  });

  it("fail/CCM failing is UPSTREAM_ERROR with CCM's status kept", async () => {
    const id = r.emulator.faults.error(500, { operation: "ListCertificateAuthority", times: 3 });
    const res = await r.viewer.request("GET", "/api/cas");
    r.emulator.faults.remove(id);
    expect(res.status).toBe(502);
    expect(ApiErrorBodySchema.parse(res.json).error).toMatchObject({
      code: "UPSTREAM_ERROR",
      upstream: { status: 500 },
    });
  });

  it("fail/a malformed CCM answer is UPSTREAM_BAD_RESPONSE", async () => {
    const id = r.emulator.faults.malformed("wrong-shape", {
      operation: "ListCertificateAuthority",
      times: 1,
    });
    const res = await r.viewer.request("GET", "/api/cas");
    r.emulator.faults.remove(id);
    expect(code(res.json)).toBe("UPSTREAM_BAD_RESPONSE");
  });
});

describe("GET /api/cas/:caId", () => {
  it("ok/every field CCM returns", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.rootCaId}`);
    const ca = CertificateAuthoritySchema.parse(res.json);
    expect(ca).toMatchObject({ ca_id: r.seeded.rootCaId, type: "ROOT", status: "ACTIVED", path_length: 7 });
    expect(ca.distinguished_name?.common_name).toBe("Example Corp Root CA G1");
  });

  it("fail/unknown id → 404 CA_NOT_FOUND with CCM's code", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${UNKNOWN}`);
    expect(res.status).toBe(404);
    expect(ApiErrorBodySchema.parse(res.json).error).toMatchObject({
      code: "CA_NOT_FOUND",
      upstream: { error_code: "PCA.10010002" },
    });
  });

  it.each(["not-an-id", "..%2F..%2Fetc", "4C0E772E-A30C-4029-B929-B7ACB04143F7"])(
    "fail/malformed id %s → 400 INVALID_ID",
    async (id) => {
      const res = await r.viewer.request("GET", `/api/cas/${id}`);
      expect(res.status).toBe(400);
      expect(code(res.json)).toBe("INVALID_ID");
    },
  );
});

describe("a PENDING CA's CSR", () => {
  it("ok/JSON: LF PEM, preview, lint, file name; audited", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.partnerCaId}/csr`);
    expect(res.status).toBe(200);
    const body = CaCsrResponseSchema.parse(res.json);
    expect(body.fileName).toBe("Example-Corp-Partner-CA-G1.csr.pem");
    expect(body.pem).not.toContain("\r");
    expect(body.pem.endsWith("-----END CERTIFICATE REQUEST-----\n")).toBe(true);
    expect(body.preview.subject).toContain("CN=Example Corp Partner CA G1");
    expect(await auditActions()).toContain(`ca.csr.export:${r.seeded.partnerCaId}`);
  });

  it("ok/download: application/pkcs10, RFC 6266 attachment, LF", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.partnerCaId}/csr.pem`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/pkcs10/);
    expect(res.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Example-Corp-Partner-CA-G1.csr.pem\"; filename*=UTF-8''Example-Corp-Partner-CA-G1.csr.pem",
    );
    expect(res.text).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n$/,
    );
  });

  it.each([
    ["ACTIVED", () => r.seeded.issuingCaId],
    ["DISABLED", () => r.seeded.legacyCaId],
  ])("fail/%s CA → 409 CA_NOT_PENDING, CCM's export never called", async (_status, id) => {
    const before = r.hits("ExportCertificateAuthorityCsr");
    for (const path of ["csr", "csr.pem"]) {
      const res = await r.viewer.request("GET", `/api/cas/${id()}/${path}`);
      expect(res.status).toBe(409);
      expect(code(res.json)).toBe("CA_NOT_PENDING");
    }
    expect(r.hits("ExportCertificateAuthorityCsr")).toBe(before);
  });

  it("fail/audit down → 503 AUDIT_UNAVAILABLE and no file", async () => {
    const audit = r.app.deps.audit;
    const append = audit.append;
    audit.append = () => Promise.reject(new Error("disk full"));
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.partnerCaId}/csr.pem`);
    audit.append = append;
    expect(res.status).toBe(503);
    expect(res.text).not.toContain("BEGIN CERTIFICATE REQUEST");
  });
});

describe("a CA's certificate", () => {
  it("ok/JSON with chain and decoded view", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.issuingCaId}/certificate`);
    expect(res.status).toBe(200);
    const body = CaCertificateResponseSchema.parse(res.json);
    expect(body.preview.subject).toContain("Example Corp Issuing CA G1");
    expect(body.certificate_chain).toContain("BEGIN CERTIFICATE");
    expect(body.certificate).not.toContain("\r");
  });

  it("ok/download: certificate then chain, audited", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.issuingCaId}/certificate.pem`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-pem-file/);
    expect(res.headers.get("content-disposition")).toContain('filename="Example-Corp-Issuing-CA-G1.pem"');
    expect(res.text.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(await auditActions()).toContain(`ca.certificate.download:${r.seeded.issuingCaId}`);
  });

  it("fail/PENDING CA → 409 CA_NOT_EXPORTABLE", async () => {
    const res = await r.viewer.request("GET", `/api/cas/${r.seeded.partnerCaId}/certificate.pem`);
    expect(res.status).toBe(409);
    expect(code(res.json)).toBe("CA_NOT_EXPORTABLE");
  });
});

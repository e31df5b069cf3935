import { CaListResponseSchema, CertificateAuthoritySchema, ExportCaCsrResponseSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, type SeededCas, startEmulator } from "../emulator";
import { csrPublicKey, openssl, verifyChain } from "../testing/openssl";
import { sdkCall } from "../testing/sdk-client";

let emu: RunningEmulator;
let ids: SeededCas;
const BASE = "/v1/private-certificate-authorities";
const get = (path: string, query?: Record<string, string | number>) =>
  sdkCall(emu, { method: "GET", path: `${BASE}${path}`, ...(query ? { query } : {}) });
const list = async (query: Record<string, string | number>) => {
  const res = await get("", query);
  expect(res.status, res.text).toBe(200);
  return CaListResponseSchema.parse(res.json);
};
const refusedWith = (res: { status: number; json: unknown }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ error_code: code });
};

beforeAll(async () => {
  emu = await startEmulator();
  if (!emu.seeded) throw new Error("not seeded");
  ids = emu.seeded;
});
afterAll(() => emu.close());

describe("ListCertificateAuthority", () => {
  it("ok/defaults: newest first, every field valid for the contracts schema", async () => {
    const body = await list({});
    expect(body.total).toBe(4);
    expect(body.certificate_authorities.map((c) => c.distinguished_name?.common_name)).toEqual([
      "Example Corp Partner CA G1",
      "Example Corp Legacy CA G0",
      "Example Corp Issuing CA G1",
      "Example Corp Root CA G1",
    ]);
    const rootCa = body.certificate_authorities.find((c) => c.ca_id === ids.rootCaId);
    expect(rootCa).toMatchObject({
      type: "ROOT",
      status: "ACTIVED",
      path_length: 7,
      issuer_id: null,
      key_algorithm: "EC384",
    });
    expect(rootCa?.domain_id).toBe(emu.credentials.domainId);
  });

  it("ok/filters: status, type, name", async () => {
    expect((await list({ status: "ACTIVED" })).total).toBe(2);
    expect((await list({ status: "PENDING" })).certificate_authorities[0]?.ca_id).toBe(ids.partnerCaId);
    expect((await list({ status: "DISABLED" })).certificate_authorities[0]?.ca_id).toBe(ids.legacyCaId);
    expect((await list({ type: "ROOT" })).total).toBe(1);
    expect((await list({ name: "Issuing" })).certificate_authorities.map((c) => c.ca_id)).toEqual([
      ids.issuingCaId,
    ]);
    expect((await list({ status: "EXPIRED" })).total).toBe(0);
  });

  it("ok/sort and paging", async () => {
    const asc = await list({ sort_key: "common_name", sort_dir: "ASC" });
    expect(asc.certificate_authorities.map((c) => c.distinguished_name?.common_name)).toEqual([
      "Example Corp Issuing CA G1",
      "Example Corp Legacy CA G0",
      "Example Corp Partner CA G1",
      "Example Corp Root CA G1",
    ]);
    const page = await list({ sort_key: "common_name", sort_dir: "ASC", limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.certificate_authorities.map((c) => c.distinguished_name?.common_name)).toEqual([
      "Example Corp Legacy CA G0",
      "Example Corp Partner CA G1",
    ]);
    expect((await list({ limit: 0 })).certificate_authorities).toEqual([]);
  });

  it("fail/limit over 1000, negative offset, bad enum, unknown parameter → 400 PCA.00020001", async () => {
    for (const query of [
      { limit: 1001 },
      { offset: -1 },
      { status: "ACTIVE" },
      { sort_key: "name" },
      { foo: 1 },
    ] as Record<string, string | number>[]) {
      refusedWith(await get("", query), 400, "PCA.00020001");
    }
  });
});

describe("ShowCertificateAuthority", () => {
  it("ok/a subordinate names its issuer", async () => {
    const res = await get(`/${ids.issuingCaId}`);
    const ca = CertificateAuthoritySchema.parse(res.json);
    expect(ca).toMatchObject({
      type: "SUBORDINATE",
      status: "ACTIVED",
      issuer_id: ids.rootCaId,
      issuer_name: "Example Corp Root CA G1",
      key_algorithm: "EC256",
      signature_algorithm: "SHA384",
      gen_mode: "GENERATE",
      path_length: 0,
      distinguished_name: {
        country: "CN",
        state: "Guangdong",
        locality: "Shenzhen",
        organization: "Example Corp",
      },
    });
  });

  it("fail/malformed id → 400 PCA.00020201", async () => {
    for (const bad of ["abc", ids.rootCaId.toUpperCase(), `${ids.rootCaId}0`]) {
      refusedWith(await get(`/${bad}`), 400, "PCA.00020201");
    }
  });

  it("fail/unknown id → 400 PCA.10010002 (as the live service answers)", async () => {
    refusedWith(await get("/00000000-0000-4000-8000-000000000000"), 400, "PCA.10010002");
  });
});

describe("ExportCertificateAuthorityCsr", () => {
  it("ok/a PENDING CA's CSR with \\r\\n newlines, its own key", async () => {
    const res = await get(`/${ids.partnerCaId}/csr`);
    const { csr } = ExportCaCsrResponseSchema.parse(res.json);
    expect(csr.startsWith("-----BEGIN CERTIFICATE REQUEST-----\r\n")).toBe(true);
    expect(csr.endsWith("-----END CERTIFICATE REQUEST-----")).toBe(true);
    expect(csr.replace(/\r\n/g, "")).not.toContain("\n");
    const text = openssl((d) => ["req", "-in", `${d}/r.pem`, "-noout", "-verify", "-subject"], {
      "r.pem": csr,
    });
    expect(text).toContain("CN = Example Corp Partner CA G1");
    expect(csrPublicKey(csr)).toContain("BEGIN PUBLIC KEY");
  });

  it("fail/not PENDING → 400 PCA.00020001; unknown → PCA.10010002; malformed → PCA.00020201", async () => {
    refusedWith(await get(`/${ids.issuingCaId}/csr`), 400, "PCA.00020001");
    refusedWith(await get(`/${ids.legacyCaId}/csr`), 400, "PCA.00020001");
    refusedWith(await get("/00000000-0000-4000-8000-000000000000/csr"), 400, "PCA.10010002");
    refusedWith(await get("/x/csr"), 400, "PCA.00020201");
  });
});

describe("ExportCertificateAuthorityCertificate", () => {
  const exportCa = (id: string) => sdkCall(emu, { method: "POST", path: `${BASE}/${id}/export` });

  it("ok/certificate and chain (issuer … root) with \\r\\n; a root's chain is empty", async () => {
    const rootRes = await exportCa(ids.rootCaId);
    const root = rootRes.json as { certificate: string; certificate_chain: string };
    expect(root.certificate_chain).toBe("");
    const sub = (await exportCa(ids.issuingCaId)).json as { certificate: string; certificate_chain: string };
    expect(sub.certificate_chain).toBe(root.certificate);
    expect(sub.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\r\n/);
    expect(verifyChain(root.certificate, sub.certificate_chain, sub.certificate)).toMatch(/OK/);
  });

  it("fail/PENDING or DISABLED → 400 PCA.00020001", async () => {
    refusedWith(await exportCa(ids.partnerCaId), 400, "PCA.00020001");
    refusedWith(await exportCa(ids.legacyCaId), 400, "PCA.00020001");
  });
});

describe("ShowCertificateAuthorityQuota", () => {
  it("ok/100 CAs, four used", async () => {
    const res = await get("/quotas");
    expect(res.json).toEqual({
      quotas: { resources: [{ type: "CERTIFICATE_AUTHORITY", used: 4, quota: 100 }] },
    });
  });
});

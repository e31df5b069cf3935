import { CertificateListResponseSchema, CertificateSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../emulator";
import { fixture } from "../testing/fixtures";
import { sdkCall } from "../testing/sdk-client";

let emu: RunningEmulator;
const issued: string[] = [];
const BASE = "/v1/private-certificates";

beforeAll(async () => {
  emu = await startEmulator();
  const issuer = emu.seeded?.issuingCaId;
  for (const [name, days] of [
    ["rsa2048-shop.pem", 10],
    ["ec-p384-vpn.pem", 30],
    ["ec-p256-mail-tls.pem", 20],
  ] as const) {
    const res = await sdkCall(emu, {
      method: "POST",
      path: `${BASE}/csr`,
      data: { issuer_id: issuer, csr: fixture(name), validity: { type: "DAY", value: days } },
    });
    issued.push((res.json as { certificate_id: string }).certificate_id);
  }
});
afterAll(() => emu.close());

const list = async (query: Record<string, string | number>) => {
  const res = await sdkCall(emu, { method: "GET", path: BASE, query });
  expect(res.status, res.text).toBe(200);
  return CertificateListResponseSchema.parse(res.json);
};
const exportCert = (id: string, data: object) =>
  sdkCall(emu, { method: "POST", path: `${BASE}/${id}/export`, data });

describe("ListCertificate / ShowCertificate", () => {
  it("ok/newest first, filters, sort, paging", async () => {
    const all = await list({});
    expect(all.total).toBe(3);
    expect(all.certificates.map((c) => c.certificate_id)).toEqual([...issued].reverse());
    expect((await list({ name: "vpn" })).certificates.map((c) => c.certificate_id)).toEqual([issued[1]]);
    expect((await list({ status: "ISSUED" })).total).toBe(3);
    expect((await list({ status: "REVOKED" })).total).toBe(0);
    const byExpiry = await list({ sort_key: "not_after", sort_dir: "ASC", limit: 2 });
    expect(byExpiry.certificates.map((c) => c.certificate_id)).toEqual([issued[0], issued[2]]);
    expect((await list({ offset: 2 })).certificates.map((c) => c.certificate_id)).toEqual([issued[0]]);
  });

  it("fail/bad query → 400 PCA.00020001", async () => {
    for (const query of [{ limit: 1001 }, { status: "ACTIVED" }, { sort_key: "type" }] as Record<
      string,
      string | number
    >[]) {
      const res = await sdkCall(emu, { method: "GET", path: BASE, query });
      expect(res.json).toMatchObject({ error_code: "PCA.00020001" });
    }
  });

  it("ok/show; fail/malformed and unknown ids", async () => {
    const res = await sdkCall(emu, { method: "GET", path: `${BASE}/${issued[1]}` });
    expect(CertificateSchema.parse(res.json)).toMatchObject({ key_algorithm: "EC384", status: "ISSUED" });
    const bad = await sdkCall(emu, { method: "GET", path: `${BASE}/not-an-id` });
    expect([bad.status, bad.json]).toMatchObject([400, { error_code: "PCA.00020201" }]);
    const missing = await sdkCall(emu, {
      method: "GET",
      path: `${BASE}/00000000-0000-4000-8000-000000000000`,
    });
    expect([missing.status, missing.json]).toMatchObject([400, { error_code: "PCA.10010002" }]);
  });

  it("ok/EXPIRED once the clock passes notAfter, and then no longer exportable", async () => {
    let now = Date.now();
    const timed = await startEmulator({ clock: { now: () => now } });
    try {
      const call = (req: Parameters<typeof sdkCall>[1]) => sdkCall(timed, { ...req, now });
      const created = await call({
        method: "POST",
        path: `${BASE}/csr`,
        data: {
          issuer_id: timed.seeded?.issuingCaId,
          csr: fixture("ec-p384-vpn.pem"),
          validity: { type: "HOUR", value: 1 },
        },
      });
      const id = (created.json as { certificate_id: string }).certificate_id;
      now += 2 * 3600_000;
      expect((await call({ method: "GET", path: `${BASE}/${id}` })).json).toMatchObject({
        status: "EXPIRED",
      });
      expect((await call({ method: "GET", path: BASE, query: { status: "EXPIRED" } })).json).toMatchObject({
        total: 1,
      });
      const exported = await call({
        method: "POST",
        path: `${BASE}/${id}/export`,
        data: { is_compressed: "false", type: "OTHER" },
      });
      expect([exported.status, exported.json]).toMatchObject([400, { error_code: "PCA.00020001" }]);
    } finally {
      await timed.close();
    }
  });
});

describe("ExportCertificate", () => {
  it("ok/JSON: certificate and chain, no private key for a CSR-issued certificate", async () => {
    for (const flag of ["false", false]) {
      const res = await exportCert(issued[0] ?? "", { is_compressed: flag, type: "nginx" });
      expect(res.status).toBe(200);
      expect(Object.keys(res.json as object).sort()).toEqual(["certificate", "certificate_chain"]);
    }
  });

  it("ok/zip: the files CCM puts in it for each type", async () => {
    const res = await exportCert(issued[0] ?? "", { is_compressed: "true", type: "APACHE" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="shop.example.com_apache.zip"');
    expect(res.raw.subarray(0, 4).toString("hex")).toBe("504b0304");
    const names = res.raw.toString("latin1");
    expect(names).toContain("chain.crt");
    expect(names).toContain("server.crt");
    const other = await exportCert(issued[0] ?? "", { is_compressed: "true", type: "OTHER" });
    expect(other.raw.toString("latin1")).toContain("cert.pem");
  });

  it("fail/bad body → PCA.00020001; unknown → PCA.10010002", async () => {
    for (const data of [
      { type: "OTHER" },
      { is_compressed: "yes", type: "OTHER" },
      { is_compressed: "false", type: "PKCS12" },
    ]) {
      const res = await exportCert(issued[0] ?? "", data);
      expect([res.status, res.json]).toMatchObject([400, { error_code: "PCA.00020001" }]);
    }
    const missing = await exportCert("00000000-0000-4000-8000-000000000000", {
      is_compressed: "false",
      type: "OTHER",
    });
    expect(missing.json).toMatchObject({ error_code: "PCA.10010002" });
  });
});

describe("ShowCertificateQuota", () => {
  it("ok/100 000 certificates, three used", async () => {
    const res = await sdkCall(emu, { method: "GET", path: `${BASE}/quotas` });
    expect(res.json).toEqual({ quotas: { resources: [{ type: "CERTIFICATE", used: 3, quota: 100000 }] } });
  });
});

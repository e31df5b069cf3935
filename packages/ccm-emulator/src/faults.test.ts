import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "./emulator";
import { fixture } from "./testing/fixtures";
import { sdkCall, sdkSign, send } from "./testing/sdk-client";

let emu: RunningEmulator;
const CAS = "/v1/private-certificate-authorities";
const listCas = (timeoutMs?: number) => send(sdkSign(emu, { method: "GET", path: CAS }), timeoutMs);

beforeAll(async () => {
  emu = await startEmulator();
});
afterEach(() => emu.faults.clear());
afterAll(() => emu.close());

describe("fault injection through the in-process API", () => {
  it("latency delays the answer", async () => {
    emu.faults.latency(200, { operation: "ListCertificateAuthority", times: 1 });
    const t0 = performance.now();
    expect((await listCas()).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it("5xx with a CCM-style body, for the next N requests only", async () => {
    emu.faults.error(503, { operation: "ListCertificateAuthority", times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await listCas();
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error_code: "PCA.10010001", error_msg: "Service unavailable." });
    }
    expect((await listCas()).status).toBe(200);
    expect(emu.faults.list()).toEqual([]);
  });

  it("a fault for one operation leaves the others alone", async () => {
    emu.faults.error(500, { operation: "ShowCertificateAuthority" });
    expect((await listCas()).status).toBe(200);
    const show = await sdkCall(emu, { method: "GET", path: `${CAS}/${emu.seeded?.rootCaId}` });
    expect([show.status, show.json]).toEqual([
      500,
      { error_code: "PCA.10010001", error_msg: "Internal server error." },
    ]);
  });

  it("path match with a prefix", async () => {
    emu.faults.error(500, { path: "/v1/private-certificates*", times: 1 });
    expect((await listCas()).status).toBe(200);
    expect((await sdkCall(emu, { method: "GET", path: "/v1/private-certificates" })).status).toBe(500);
  });

  it("connection reset", async () => {
    emu.faults.reset({ times: 1 });
    await expect(listCas()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await listCas()).status).toBe(200);
  });

  it("hang past the client's timeout", async () => {
    emu.faults.hang({ times: 1 });
    await expect(listCas(300)).rejects.toThrow(/client timeout/);
  });

  it("clock skew makes valid signatures look stale", async () => {
    emu.faults.clockSkew(20 * 60_000, { times: 1 });
    expect(await listCas()).toMatchObject({ status: 401, json: { error_code: "APIGW.0301" } });
    expect((await listCas()).status).toBe(200);
  });

  it("malformed bodies: not JSON, wrong shape", async () => {
    emu.faults.malformed("non-json", { times: 1 });
    const html = await listCas();
    expect([html.status, html.json]).toEqual([200, undefined]);
    emu.faults.malformed("wrong-shape", { times: 1 });
    const wrong = await listCas();
    expect(wrong.status).toBe(200);
    expect(wrong.json).not.toHaveProperty("certificate_authorities");
  });

  it("fail after issuing: the certificate exists but the answer is lost", async () => {
    emu.faults.failAfterHandling({ operation: "CreateCertificateByCsr", times: 1 });
    const before = await sdkCall(emu, { method: "GET", path: "/v1/private-certificates" });
    const data = {
      issuer_id: emu.seeded?.issuingCaId,
      csr: fixture("ec-p384-vpn.pem"),
      validity: { type: "DAY", value: 1 },
    };
    await expect(
      sdkCall(emu, { method: "POST", path: "/v1/private-certificates/csr", data }),
    ).rejects.toThrow();
    const after = await sdkCall(emu, { method: "GET", path: "/v1/private-certificates" });
    expect((after.json as { total: number }).total).toBe((before.json as { total: number }).total + 1);
  });
});

describe("fault injection through the loopback admin route", () => {
  const admin = (method: string, path = "", body?: object) =>
    fetch(`${emu.url}/__emulator/faults${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it("POST adds, GET lists, DELETE clears", async () => {
    const created = await admin("POST", "", {
      operation: "ListCertificateAuthority",
      times: 1,
      action: { type: "error", status: 500 },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const listed = (await (await admin("GET")).json()) as { faults: { id: string }[] };
    expect(listed.faults.map((f) => f.id)).toEqual([id]);
    expect((await admin("DELETE")).status).toBe(204);
    expect((await listCas()).status).toBe(200);
  });

  it("DELETE /:id removes one; a bad spec is refused with a sentence", async () => {
    const { id } = (await (await admin("POST", "", { action: { type: "latency", ms: 1 } })).json()) as {
      id: string;
    };
    expect((await admin("DELETE", `/${id}`)).status).toBe(204);
    expect((await admin("DELETE", `/${id}`)).status).toBe(404);
    for (const bad of [
      {},
      { action: { type: "explode" } },
      { action: { type: "error", status: 200 } },
      { action: { type: "reset" }, times: 0 },
    ]) {
      const res = await admin("POST", "", bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error_msg: string }).error_msg).toMatch(/\.$/);
    }
  });
});

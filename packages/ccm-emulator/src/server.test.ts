import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "./emulator";
import type { Route } from "./http/route";
import { fastPathRoutes } from "./server";
import { fixture } from "./testing/fixtures";
import { type SdkRequest, sdkSign, send, type WireResponse } from "./testing/sdk-client";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const call = (req: SdkRequest) => send(sdkSign(emu, req));
/** The parts of an answer that do not change from one request to the next. */
const shape = (res: WireResponse) => ({
  status: res.status,
  headers: Object.keys(res.headers).sort(),
  contentType: res.headers["content-type"],
});

describe("the fast path answers as Express does", () => {
  // `/v1/private-certificates/csr/` (trailing slash) and other casing go through Express; the
  // exact path takes the fast path. CCM's canonical URI ends in "/" either way.
  const csrBody = () => ({
    issuer_id: emu.seeded?.issuingCaId,
    csr: fixture("ec-p256-mail-tls.pem"),
    validity: { type: "DAY", value: 1 },
  });

  it("ok/CreateCertificateByCsr: same status, headers and body shape", async () => {
    const fast = await call({ method: "POST", path: "/v1/private-certificates/csr", data: csrBody() });
    const viaExpress = await call({ method: "POST", path: "/v1/private-certificates/csr/", data: csrBody() });
    expect(fast.status, fast.text).toBe(200);
    expect(shape(fast)).toEqual(shape(viaExpress));
    expect(Object.keys(fast.json as object)).toEqual(["certificate_id"]);
    expect(Object.keys(viaExpress.json as object)).toEqual(["certificate_id"]);
    expect(fast.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("fail/the same error answers (unsigned, body not the signed one, invalid request)", async () => {
    const answers = [];
    for (const path of ["/v1/private-certificates/csr", "/v1/private-certificates/csr/"]) {
      const signed = sdkSign(emu, { method: "POST", path, data: {} });
      const unsigned = await send({ ...signed, headers: { "content-type": "application/json" } });
      const tampered = await send({ ...signed, body: '{"issuer_id":"x"}' });
      const invalid = await call({ method: "POST", path, data: { issuer_id: "nope" } });
      const unknownIssuer = await call({
        method: "POST",
        path,
        data: { ...csrBody(), issuer_id: "0".repeat(36) },
      });
      answers.push([unsigned, tampered, invalid, unknownIssuer].map((r) => [r.status, r.json]));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.map(([status]) => status)).toEqual([401, 401, 400, expect.any(Number)]);
  });

  it("ok/a list with a query: the exact path and another casing agree", async () => {
    const fast = await call({
      method: "GET",
      path: "/v1/private-certificate-authorities",
      query: { limit: 2 },
    });
    const viaExpress = await call({
      method: "GET",
      path: "/V1/private-certificate-authorities",
      query: { limit: 2 },
    });
    expect(fast.status, fast.text).toBe(200);
    expect(shape(fast)).toEqual(shape(viaExpress));
    expect(fast.json).toEqual(viaExpress.json);
  });

  it("ok/injected faults apply on the fast path", async () => {
    emu.faults.error(503, {
      operation: "CreateCertificateByCsr",
      path: "/v1/private-certificates/csr",
      times: 1,
    });
    const first = await call({ method: "POST", path: "/v1/private-certificates/csr", data: csrBody() });
    const second = await call({ method: "POST", path: "/v1/private-certificates/csr", data: csrBody() });
    expect([first.status, second.status]).toEqual([503, 200]);
  });

  it("ok/HEAD, unknown paths and the admin routes still go through Express", async () => {
    // Express's GET route takes HEAD (here refused: the signature was made for GET), not a 404.
    const head = await send({
      ...sdkSign(emu, { method: "GET", path: "/v1/private-certificates" }),
      method: "HEAD",
    });
    expect(head.status).toBe(401);
    const unknown = await call({ method: "POST", path: "/v1/private-certificates/csrx", data: {} });
    expect([unknown.status, (unknown.json as { error_code: string }).error_code]).toEqual([
      404,
      "APIGW.0101",
    ]);
    const faults = await send({
      url: `${emu.url}/__emulator/faults`,
      method: "GET",
      headers: {},
      body: undefined,
    });
    expect(faults.json).toEqual({ faults: [] });
  });
});

describe("fastPathRoutes", () => {
  const route = (method: "GET" | "POST", path: string): Route => ({
    method,
    path,
    operation: "ListCertificate",
    authenticated: true,
    handle: () => ({ status: 200, json: {} }),
  });

  it("ok/takes parameterless routes only", () => {
    const routes = [route("GET", "/a"), route("GET", "/a/:id"), route("POST", "/a/:id/export")];
    expect(fastPathRoutes(routes).map((r) => r.path)).toEqual(["/a"]);
  });

  it("ok/leaves out a route an earlier route of the same method could match, in any casing", () => {
    const routes = [
      route("GET", "/a/:id"),
      route("GET", "/a/quotas"),
      route("POST", "/A/quotas"),
      route("GET", "/b/quotas"),
      route("GET", "/b/:id"),
    ];
    expect(fastPathRoutes(routes).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /A/quotas",
      "GET /b/quotas",
    ]);
    expect(fastPathRoutes([route("GET", "/x/:id"), route("GET", "/X/Y")])).toEqual([]);
  });
});

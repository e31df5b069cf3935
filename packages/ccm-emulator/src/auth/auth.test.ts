import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../emulator";
import { type SignedRequest, sdkCall, sdkDate, sdkSign, send } from "../testing/sdk-client";

let emu: RunningEmulator;
let caId: string;

beforeAll(async () => {
  emu = await startEmulator();
  caId = emu.seeded?.issuingCaId ?? "";
});
afterAll(() => emu.close());

const CA_LIST = "/v1/private-certificate-authorities";
const expect401 = (res: { status: number; json: unknown }) => {
  expect(res.status).toBe(401);
  expect(res.json).toMatchObject({ error_code: "APIGW.0301" });
  expect((res.json as { error_msg: string }).error_msg).toMatch(/^Incorrect IAM authentication information:/);
};

describe("requests signed by the official SDK signer", () => {
  it("ok/GET with a query", async () => {
    const res = await sdkCall(emu, {
      method: "GET",
      path: CA_LIST,
      query: { limit: 2, offset: 0, sort_dir: "ASC" },
    });
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("ok/GET with a name filter needing encoding", async () => {
    const res = await sdkCall(emu, { method: "GET", path: CA_LIST, query: { name: "Corp Issuing*/测试" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 0 });
  });

  it("ok/POST with a JSON body", async () => {
    const res = await sdkCall(emu, { method: "POST", path: `${CA_LIST}/${caId}/export` });
    expect(res.status).toBe(200);
  });

  it("ok/X-Sdk-Date 14 minutes off either way", async () => {
    for (const off of [-14, 14]) {
      const res = await sdkCall(emu, {
        method: "GET",
        path: `${CA_LIST}/${caId}`,
        now: Date.now() + off * 60_000,
      });
      expect(res.status).toBe(200);
    }
  });
});

describe("each single tampering is refused with 401 APIGW.0301", () => {
  const base = () => sdkSign(emu, { method: "GET", path: CA_LIST, query: { limit: 5, status: "ACTIVED" } });
  const withHeader = (req: SignedRequest, name: string, value: string): SignedRequest => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== name));
    return { ...req, headers: { ...headers, [name]: value } };
  };

  it("ok/untampered baseline", async () => {
    expect((await send(base())).status).toBe(200);
  });

  it("fail/method", async () => {
    // POST …/csr signed, sent as GET: the GET route (ShowCertificate "csr") authenticates first.
    const signed = sdkSign(emu, { method: "POST", path: "/v1/private-certificates/csr" });
    expect401(await send({ ...signed, method: "GET" }));
  });

  it("fail/path", async () => {
    const signed = sdkSign(emu, { method: "GET", path: `${CA_LIST}/${caId}` });
    expect401(await send({ ...signed, url: `${emu.url}${CA_LIST}/${emu.seeded?.rootCaId}` }));
  });

  it("fail/query value, added pair, dropped pair", async () => {
    const signed = base();
    expect401(await send({ ...signed, url: signed.url.replace("limit=5", "limit=6") }));
    expect401(await send({ ...signed, url: `${signed.url}&offset=0` }));
    expect401(await send({ ...signed, url: signed.url.replace("&status=ACTIVED", "") }));
  });

  it.each([
    ["content-type", () => "application/json;charset=utf8"],
    ["x-domain-id", () => "0123456789abcdef0123456789abcdef"],
    ["x-sdk-date", () => sdkDate(Date.now() - 60_000)],
    ["host", () => "localhost"],
  ])("fail/signed header %s changed", async (name, value) => {
    expect401(await send(withHeader(base(), name, value())));
  });

  it("fail/body", async () => {
    const signed = sdkSign(emu, {
      method: "POST",
      path: "/v1/private-certificates/csr",
      data: { issuer_id: caId, csr: "x", validity: { type: "YEAR", value: 1 } },
    });
    expect401(await send({ ...signed, body: signed.body?.replace('"value":1', '"value":2') }));
  });

  it("fail/date more than 15 minutes off either way", async () => {
    for (const off of [-16, 16]) {
      expect401(await sdkCall(emu, { method: "GET", path: CA_LIST, now: Date.now() + off * 60_000 }));
    }
  });

  it("fail/signature itself", async () => {
    const signed = base();
    const auth = signed.headers.Authorization ?? "";
    const flipped = auth.replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === "a" ? "b" : "a"}`);
    expect401(await send(withHeader(signed, "Authorization", flipped)));
  });
});

describe("other authentication refusals", () => {
  it("fail/no Authorization and no token", async () => {
    const { Authorization: _a, ...headers } = sdkSign(emu, { method: "GET", path: CA_LIST }).headers;
    expect401(await send({ url: `${emu.url}${CA_LIST}`, method: "GET", headers, body: undefined }));
  });

  it("fail/unknown AK, wrong SK", async () => {
    expect401(
      await sdkCall(
        { ...emu, credentials: { ...emu.credentials, ak: "UNKNOWNAK00000000000" } },
        { method: "GET", path: CA_LIST },
      ),
    );
    expect401(
      await sdkCall(
        { ...emu, credentials: { ...emu.credentials, sk: "wrong" } },
        { method: "GET", path: CA_LIST },
      ),
    );
  });

  it("fail/X-Domain-Id of another account, or X-Project-Id instead", async () => {
    const other = {
      ...emu,
      credentials: { ...emu.credentials, domainId: "ffffffffffffffffffffffffffffffff" },
    };
    expect401(await sdkCall(other, { method: "GET", path: CA_LIST }));
    const signed = sdkSign(emu, { method: "GET", path: CA_LIST });
    const { "X-Domain-Id": _d, ...rest } = signed.headers;
    expect401(await send({ ...signed, headers: { ...rest, "X-Project-Id": "p" } }));
  });

  it("fail/unknown path answers 404 APIGW.0101 before authentication", async () => {
    const res = await sdkCall(emu, { method: "GET", path: "/v1/nothing-here" });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error_code: "APIGW.0101" });
  });
});

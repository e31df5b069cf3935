import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatSdkDate, type QueryParams, sha256Hex } from "./canonical";
import { type SignableRequest, signRequest } from "./signer";
import { type ReceivedRequest, verifySignature } from "./verify";
import { encodePath, requestTarget } from "./wire";

const keys = { ak: "EMULATORAK0123456789", sk: "emulator-secret-key" };
const lookup = (ak: string) => (ak === keys.ak ? keys.sk : undefined);
const now = new Date("2024-05-06T07:08:09Z");

/** What a server receives for a request our signer signed and our transport sent. */
function received(request: SignableRequest, signed: Record<string, string>): ReceivedRequest {
  const target = requestTarget(request.path, request.query);
  const q = target.indexOf("?");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed)) headers[name.toLowerCase()] = value.trim();
  const body = typeof request.body === "string" ? new TextEncoder().encode(request.body) : request.body;
  return {
    method: request.method,
    path: q < 0 ? target : target.slice(0, q),
    rawQuery: q < 0 ? "" : target.slice(q + 1),
    headers,
    body: body ?? new Uint8Array(),
  };
}

const base: SignableRequest = {
  method: "POST",
  host: "127.0.0.1:8790",
  path: "/v1/private-certificates/csr",
  query: { limit: 10, name: "my ca/测试", tag: ["b", "a"] },
  headers: { "content-type": "application/json", "X-Domain-Id": "0123456789abcdef0123456789abcdef" },
  body: '{"issuer_id":"4c0e772e-a30c-4029-b929-b7acb04143f7"}',
};
const good = received(base, signRequest(base, keys, now));

const expectCode = (request: ReceivedRequest, code: string, at: Date | number = now) =>
  expect(verifySignature(request, lookup, at)).toMatchObject({ ok: false, error: { code } });

describe("verifySignature", () => {
  it("ok/our signature verifies and reports the AK and the signed headers", () => {
    expect(verifySignature(good, lookup, now)).toEqual({
      ok: true,
      value: {
        accessKey: keys.ak,
        signedHeaders: ["content-type", "host", "x-domain-id", "x-sdk-date"],
        date: now,
        unsignedPayload: false,
      },
    });
  });

  it("ok/accepts up to 15 minutes of skew either way", () => {
    const fifteen = 15 * 60 * 1000;
    expect(verifySignature(good, lookup, now.getTime() + fifteen).ok).toBe(true);
    expect(verifySignature(good, lookup, now.getTime() - fifteen).ok).toBe(true);
  });

  it("ok/the official SDK's signature verifies (as received over the wire)", () => {
    const sdk = AKSKSigner.sign(
      {
        endpoint: "http://127.0.0.1:8790/v1/private-certificate-authorities",
        method: "GET",
        headers: { "content-type": "application/json", "X-Domain-Id": "d", "X-Sdk-Date": formatSdkDate(now) },
        queryParams: { limit: 10, offset: 0, name: "my ca/测试", status: "ACTIVED" },
      } as unknown as Parameters<typeof AKSKSigner.sign>[0],
      { getAk: () => keys.ak, getSk: () => keys.sk } as unknown as Parameters<typeof AKSKSigner.sign>[1],
    ) as Record<string, string>;
    const headers = Object.fromEntries(Object.entries(sdk).map(([k, v]) => [k.toLowerCase(), v]));
    // axios writes a space as `+` and keeps `/` literal in the query it sends.
    const request = {
      method: "GET",
      path: "/v1/private-certificate-authorities",
      rawQuery: "limit=10&offset=0&name=my+ca/%E6%B5%8B%E8%AF%95&status=ACTIVED",
      headers: { ...headers, accept: "application/json", "user-agent": "huaweicloud-usdk-nodejs/3.0" },
      body: new Uint8Array(),
    };
    expect(verifySignature(request, lookup, now).ok).toBe(true);
  });

  const tamperings: [string, ReceivedRequest][] = [
    ["method", { ...good, method: "PUT" }],
    ["path", { ...good, path: "/v1/private-certificates/csr2" }],
    ["path/trailing segment", { ...good, path: "/v1/private-certificates" }],
    ["query/value", { ...good, rawQuery: good.rawQuery.replace("limit=10", "limit=11") }],
    ["query/added pair", { ...good, rawQuery: `${good.rawQuery}&offset=0` }],
    ["query/removed pair", { ...good, rawQuery: good.rawQuery.replace("&tag=a", "") }],
    [
      "body/changed byte",
      { ...good, body: new TextEncoder().encode(base.body as string).map((b, i) => (i === 3 ? b ^ 1 : b)) },
    ],
    ["body/trailing newline", { ...good, body: new TextEncoder().encode(`${base.body as string}\n`) }],
    ["body/emptied", { ...good, body: new Uint8Array() }],
    [
      "date/another second (still within skew)",
      { ...good, headers: { ...good.headers, "x-sdk-date": formatSdkDate(new Date(now.getTime() + 1000)) } },
    ],
  ];
  for (const name of ["content-type", "host", "x-domain-id"]) {
    tamperings.push([
      `header/${name}`,
      { ...good, headers: { ...good.headers, [name]: `${good.headers[name] as string}x` } },
    ]);
    const { [name]: _dropped, ...rest } = good.headers;
    tamperings.push([`header/${name} removed`, { ...good, headers: rest }]);
  }
  for (const [name, request] of tamperings) {
    it(`fail/tampered ${name} is a SIGNATURE_MISMATCH`, () => expectCode(request, "SIGNATURE_MISMATCH"));
  }

  it("fail/an unsigned X-Sdk-Content-Sha256 cannot vouch for a swapped body", () => {
    const original = new TextEncoder().encode(base.body as string);
    const forged = {
      ...good,
      body: new TextEncoder().encode('{"issuer_id":"00000000-0000-4000-8000-000000000000"}'),
      headers: { ...good.headers, "x-sdk-content-sha256": sha256Hex(original) },
    };
    expectCode(forged, "SIGNATURE_MISMATCH");
  });

  it("ok/a signed UNSIGNED-PAYLOAD verifies and is reported; a signed hash must match the body", () => {
    const unsigned = { ...base, headers: { ...base.headers, "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" } };
    const wire = received(unsigned, signRequest(unsigned, keys, now));
    expect(verifySignature(wire, lookup, now)).toMatchObject({ ok: true, value: { unsignedPayload: true } });
    const hashed = { ...base, headers: { ...base.headers, "X-Sdk-Content-Sha256": "ab".repeat(32) } };
    expectCode(received(hashed, signRequest(hashed, keys, now)), "SIGNATURE_MISMATCH");
  });

  it("fail/no Authorization header", () => {
    const { authorization: _a, ...headers } = good.headers;
    expectCode({ ...good, headers }, "AUTH_MISSING");
  });

  it("fail/malformed or foreign Authorization header", () => {
    const auth = good.headers.authorization as string;
    for (const bad of [
      "Bearer abc",
      auth.replace("SDK-HMAC-SHA256", "V11-HMAC-SHA256"),
      auth.replace(/Signature=[0-9a-f]+/, "Signature=xyz"),
      auth.replace(/, SignedHeaders=[^,]+/, ""),
      `${auth}, Access=other`,
    ]) {
      expectCode({ ...good, headers: { ...good.headers, authorization: bad } }, "AUTH_MALFORMED");
    }
  });

  it("fail/unknown access key", () => {
    const auth = (good.headers.authorization as string).replace(keys.ak, "SOMEONEELSE");
    expectCode({ ...good, headers: { ...good.headers, authorization: auth } }, "ACCESS_KEY_UNKNOWN");
  });

  it("fail/date more than 15 minutes off is DATE_SKEW", () => {
    const sixteen = 16 * 60 * 1000;
    expectCode(good, "DATE_SKEW", now.getTime() + sixteen);
    expectCode(good, "DATE_SKEW", now.getTime() - sixteen);
  });

  it("fail/x-sdk-date missing, malformed or not signed is DATE_INVALID", () => {
    const { "x-sdk-date": _d, ...noDate } = good.headers;
    expectCode({ ...good, headers: noDate }, "DATE_INVALID");
    expectCode(
      { ...good, headers: { ...good.headers, "x-sdk-date": "2024-05-06T07:08:09Z" } },
      "DATE_INVALID",
    );
    const unsigned = (good.headers.authorization as string).replace(";x-sdk-date", "");
    expectCode({ ...good, headers: { ...good.headers, authorization: unsigned } }, "DATE_INVALID");
  });

  it("ok/a query key or value that starts with a byte-order mark verifies", () => {
    const request: SignableRequest = { ...base, method: "GET", query: { name: "\uFEFF", "\uFEFFk": "v" } };
    const { body: _body, ...get } = request;
    expect(verifySignature(received(get, signRequest(get, keys, now)), lookup, now).ok).toBe(true);
  });

  it("ok/any signed request round-trips through the wire encoding (property)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(
          text.filter((s) => !s.includes("/")),
          { maxLength: 4 },
        ),
        fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 4 }),
        fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
        (segments, query, body) => {
          const request: SignableRequest = {
            method: body === undefined ? "GET" : "POST",
            host: "localhost:8790",
            path: `/v1/${segments.join("/")}`,
            query: query as QueryParams,
            headers: { "content-type": "application/json", "X-Domain-Id": "d" },
            ...(body === undefined ? {} : { body }),
          };
          const wire = received(request, signRequest(request, keys, now));
          expect(wire.path).toBe(encodePath(request.path));
          expect(verifySignature(wire, lookup, now).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  EMPTY_BODY_SHA256,
  type HeaderEntry,
  payloadHash,
  sha256Hex,
  signedHeaderNames,
  stringToSign,
} from "./canonical";
import { signRequest } from "./signer";
import { verifySignature } from "./verify";

/** The reference's test vectors (ccm-api.md §6.2). */

const ccmCommon = {
  host: "ccm.cn-north-4.myhuaweicloud.com",
  headers: {
    "X-Domain-Id": "0123456789abcdef0123456789abcdef",
    "content-type": "application/json",
    "X-Sdk-Date": "20240102T030405Z",
  },
} as const;
const ccmKeys = { ak: "AccessKey", sk: "SecretKey" };

/** Rebuilds the canonical request of a signed request from the exported building blocks. */
function canonicalOf(
  method: string,
  path: string,
  query: Parameters<typeof canonicalQueryString>[0],
  headers: Record<string, string>,
  body?: string,
): string {
  const entries: HeaderEntry[] = Object.entries(headers).map(([name, value]) => ({ name, value }));
  return canonicalRequest({
    method,
    canonicalUri: canonicalUri(path),
    canonicalQueryString: canonicalQueryString(query),
    canonicalHeaders: canonicalHeaders(entries),
    signedHeaders: signedHeaderNames(entries),
    payloadHash: payloadHash(body),
  });
}

describe("V1: the Huawei signing-guide example", () => {
  const request = {
    method: "GET",
    host: "service.region.example.com",
    path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
    query: { limit: 2, marker: "13551d6b-755d-4757-b956-536f674975c0" },
    headers: { "Content-Type": "application/json", "X-Sdk-Date": "20191115T033655Z" },
  };

  it("builds the published canonical request and string to sign", () => {
    const canonical = canonicalOf(request.method, request.path, request.query, {
      ...request.headers,
      host: request.host,
    });
    expect(canonical).toBe(
      [
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        "content-type:application/json",
        "host:service.region.example.com",
        "x-sdk-date:20191115T033655Z",
        "",
        "content-type;host;x-sdk-date",
        EMPTY_BODY_SHA256,
      ].join("\n"),
    );
    expect(stringToSign("20191115T033655Z", canonical)).toBe(
      "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    );
  });

  it("produces the published Authorization header", () => {
    const headers = signRequest(request, {
      ak: "QTWAOYTTINDUT2QVKYUC",
      sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
    });
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
    expect(headers.host).toBe("service.region.example.com");
  });
});

describe("V2/V3: Go SDK TestSigner_Sign (only x-sdk-date signed)", () => {
  const goHeaders = (sig: string) => ({
    "x-sdk-date": "20060102T150405Z",
    "content-type": "application/json",
    test_underscore: "value",
    host: "example.huaweicloud.com",
    authorization: `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=${sig}`,
  });
  const lookup = (ak: string) => (ak === "AccessKey" ? "SecretKey" : undefined);
  const at = Date.UTC(2006, 0, 2, 15, 4, 5);

  it("V2: GET /path?limit=1 verifies as signed by Go", () => {
    const sig = "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624";
    const received = {
      method: "GET",
      path: "/path",
      rawQuery: "limit=1",
      headers: goHeaders(sig),
      body: new Uint8Array(),
    };
    expect(verifySignature(received, lookup, at)).toMatchObject({
      ok: true,
      value: { accessKey: "AccessKey" },
    });
  });

  it("V3: POST /path?key=value with Go's trailing newline in the body verifies", () => {
    const sig = "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59";
    const body = new TextEncoder().encode('{"Name":"test","Id":1}\n');
    const received = { method: "POST", path: "/path", rawQuery: "key=value", headers: goHeaders(sig), body };
    expect(verifySignature(received, lookup, at).ok).toBe(true);
    const withoutNewline = { ...received, body: body.subarray(0, body.length - 1) };
    expect(verifySignature(withoutNewline, lookup, at)).toMatchObject({
      ok: false,
      error: { code: "SIGNATURE_MISMATCH" },
    });
  });

  it("TestSigner_canonicalQueryString: arrays, reserved characters and unicode", () => {
    const query = { limit: 1, enable: true, test: "一 (&=?!#%.*)", path: "/tmp/123", multi: [1, 2, 3] };
    expect(canonicalQueryString(query)).toBe(
      "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
    );
  });
});

describe("V4-V6: CCM requests signed by the npm SDK 3.1.211", () => {
  it("V4: GET a CA's CSR", () => {
    const path = "/v1/private-certificate-authorities/4c0e772e-a30c-4029-b929-b7acb04143f7/csr";
    const canonical = canonicalOf("GET", path, undefined, { ...ccmCommon.headers, host: ccmCommon.host });
    expect(canonical.split("\n")[1]).toBe(`${path}/`);
    expect(sha256Hex(canonical)).toBe("c20796a474d94716258ccd57253a813962108ee67b831841cb683854c12b63ea");
    const headers = signRequest({ ...ccmCommon, method: "GET", path }, ccmKeys);
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=f11411d4dc4e94f596ebb90694f2610230dd01d07c993216cb45a1d26fb7cdaf",
    );
  });

  it("V5: POST CreateCertificateByCsr with the exact JSON.stringify body", () => {
    const body = JSON.stringify({
      issuer_id: "4c0e772e-a30c-4029-b929-b7acb04143f7",
      csr: "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----",
      validity: { type: "YEAR", value: 1 },
      type: "ENTITY_CERT",
    });
    expect(Buffer.byteLength(body)).toBe(199);
    expect(payloadHash(body)).toBe("62aa17ed82c027636ce19c9e9f66e9a40c9ea8e41f14390ea85698f290bd03d9");
    const path = "/v1/private-certificates/csr";
    const canonical = canonicalOf(
      "POST",
      path,
      undefined,
      { ...ccmCommon.headers, host: ccmCommon.host },
      body,
    );
    expect(sha256Hex(canonical)).toBe("1164cf6bd6af174538125419d73ae7cea151efd2b987b150f667c11b76dac7a0");
    const headers = signRequest(
      { ...ccmCommon, method: "POST", path, body: new TextEncoder().encode(body) },
      ccmKeys,
    );
    expect(headers.Authorization).toMatch(
      /Signature=c7232f4fb413d88adfdc43a05d20e2f4928a1c66bd2da68cde1cf69cc11405f0$/,
    );
  });

  it("V6: GET the CA list with a query that needs encoding", () => {
    const query = { limit: 10, offset: 0, status: "ACTIVED", name: "my ca/测试" };
    expect(canonicalQueryString(query)).toBe(
      "limit=10&name=my%20ca%2F%E6%B5%8B%E8%AF%95&offset=0&status=ACTIVED",
    );
    const path = "/v1/private-certificate-authorities";
    const canonical = canonicalOf("GET", path, query, { ...ccmCommon.headers, host: ccmCommon.host });
    expect(sha256Hex(canonical)).toBe("e88682bc4868f24b1ebf361dbc4df838115e2457088cfda1495a6cd2314531cd");
    const headers = signRequest({ ...ccmCommon, method: "GET", path, query }, ccmKeys);
    expect(headers.Authorization).toMatch(
      /Signature=2fadbd94ffe5160cfaa89287a1c1dbc45d185f7ae068f4d9b9c35bba699d24e2$/,
    );
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUndiciTransport } from "../http/transport";
import { refusedPortUrl, startTestServer } from "../testing/test-server";
import { type CcmClientOptions, createCcmClient } from "./ccm-client";
import { exchange } from "./exchange";

const keys = { ak: "TESTAK0123456789", sk: "test-secret" };
const domainId = "0123456789abcdef0123456789abcdef";
const caId = "4c0e772e-a30c-4029-b929-b7acb04143f7";
const certId = "9a1b2c3d-0000-4000-8000-00000000abcd";
const csr = "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----";
const ca = {
  ca_id: caId,
  type: "SUBORDINATE",
  status: "ACTIVED",
  path_length: 0,
  issuer_id: null,
  issuer_name: null,
  key_algorithm: "EC256",
  signature_algorithm: "SHA384",
  create_time: 1_700_000_000_000,
  not_before: 1_700_000_000_000,
  not_after: 1_800_000_000_000,
  distinguished_name: { common_name: "Example Issuing CA", country: "CN" },
};

let server: Awaited<ReturnType<typeof startTestServer>>;
const transport = createUndiciTransport({ connectTimeoutMs: 1_000 });
const client = (extra: Partial<CcmClientOptions> = {}) =>
  createCcmClient({
    endpoint: { url: server.url },
    credentials: { kind: "aksk", ...keys, domainId },
    transport,
    timeoutMs: 300,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });

beforeAll(async () => {
  server = await startTestServer(keys);
});
afterEach(() => {
  server.seen.length = 0;
});
afterAll(async () => {
  await transport.close();
  await server.close();
});

describe("CcmClient over HTTP: success", () => {
  it("ok/showCertificateAuthority sends a signed GET and returns the validated CA", async () => {
    server.replies({ status: 200, json: ca });
    const result = await client().showCertificateAuthority(caId);
    expect(result).toEqual({ ok: true, value: ca });
    const [req] = server.seen;
    expect(req).toMatchObject({
      method: "GET",
      path: `/v1/private-certificate-authorities/${caId}`,
      signature: true,
    });
    expect(req?.headers["x-domain-id"]).toBe(domainId);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(req?.headers.authorization).toMatch(/SignedHeaders=content-type;host;x-domain-id;x-sdk-date,/);
  });

  it("ok/listCertificateAuthorities signs and sends the query", async () => {
    server.replies({ status: 200, json: { total: 1, certificate_authorities: [ca] } });
    const result = await client().listCertificateAuthorities({
      limit: 5,
      name: "my ca/测试",
      status: "ACTIVED",
    });
    expect(result.ok && result.value.total).toBe(1);
    expect(server.seen[0]).toMatchObject({
      path: "/v1/private-certificate-authorities",
      rawQuery: "limit=5&name=my%20ca%2F%E6%B5%8B%E8%AF%95&status=ACTIVED",
      signature: true,
    });
  });

  it("ok/createCertificateByCsr posts the exact JSON body once", async () => {
    server.replies({ status: 200, json: { certificate_id: certId } });
    const body = {
      issuer_id: caId,
      csr,
      validity: { type: "YEAR" as const, value: 1 },
      type: "ENTITY_CERT" as const,
    };
    expect(await client().createCertificateByCsr(body)).toEqual({
      ok: true,
      value: { certificate_id: certId },
    });
    expect(server.seen).toHaveLength(1);
    expect(new TextDecoder().decode(server.seen[0]?.body)).toBe(JSON.stringify(body));
    expect(server.seen[0]).toMatchObject({
      method: "POST",
      path: "/v1/private-certificates/csr",
      signature: true,
    });
  });

  it("ok/the other operations hit their documented paths", async () => {
    const c = client();
    server.replies({ status: 200, json: { csr } });
    expect((await c.exportCertificateAuthorityCsr(caId)).ok).toBe(true);
    server.replies({ status: 200, json: { certificate: "C", certificate_chain: "CHAIN" } });
    expect((await c.exportCertificateAuthorityCertificate(caId)).ok).toBe(true);
    server.replies({ status: 200, json: { total: 0, certificates: [] } });
    expect((await c.listCertificates({ sort_dir: "ASC" })).ok).toBe(true);
    server.replies({ status: 200, json: { certificate_id: certId, status: "ISSUED" } });
    expect((await c.showCertificate(certId)).ok).toBe(true);
    server.replies({ status: 200, json: { certificate: "C", certificate_chain: "CHAIN" } });
    expect(await c.exportCertificate(certId, { is_compressed: false, type: "other" })).toEqual({
      ok: true,
      value: { format: "json", value: { certificate: "C", certificate_chain: "CHAIN" } },
    });
    expect(server.seen.map((r) => `${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ""}`)).toEqual([
      `GET /v1/private-certificate-authorities/${caId}/csr`,
      `POST /v1/private-certificate-authorities/${caId}/export`,
      "GET /v1/private-certificates?sort_dir=ASC",
      `GET /v1/private-certificates/${certId}`,
      `POST /v1/private-certificates/${certId}/export`,
    ]);
    expect(server.seen.every((r) => r.signature === true)).toBe(true);
    expect(server.seen[1]?.body).toHaveLength(0);
    expect(JSON.parse(new TextDecoder().decode(server.seen[4]?.body))).toEqual({
      is_compressed: "false",
      type: "OTHER",
    });
  });

  it("ok/exportCertificate returns the zip CCM sends for is_compressed", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    server.replies({ status: 200, raw: zip, headers: { "content-type": "application/zip" } });
    const result = await client().exportCertificate(certId, { is_compressed: "true", type: "APACHE" });
    expect(result).toMatchObject({ ok: true, value: { format: "zip", contentType: "application/zip" } });
    expect(result.ok && result.value.format === "zip" && [...result.value.bytes]).toEqual([...zip]);
  });

  it("ok/without an injected transport the client owns a keep-alive one and closes it", async () => {
    server.replies({ status: 200, json: ca });
    const own = createCcmClient({
      endpoint: { url: server.url },
      credentials: { kind: "aksk", ...keys, domainId },
      connectTimeoutMs: 500,
    });
    expect((await own.showCertificateAuthority(caId)).ok).toBe(true);
    await own.close();
  });

  it("ok/an explicit URL's path prefix is part of the signed path", async () => {
    server.replies({ status: 200, json: ca });
    const result = await client({ endpoint: { url: `${server.url}/gateway/ccm/` } }).showCertificateAuthority(
      caId,
    );
    expect(result.ok).toBe(true);
    expect(server.seen[0]).toMatchObject({
      path: `/gateway/ccm/v1/private-certificate-authorities/${caId}`,
      signature: true,
    });
  });

  it("ok/keeps the connection alive between calls", async () => {
    server.replies({ status: 200, json: ca });
    const own = createUndiciTransport();
    const c = client({ transport: own });
    for (let i = 0; i < 3; i++) {
      await c.showCertificateAuthority(caId);
      // undici frees the socket a tick after the body ends; back-to-back calls may open a second one.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await own.close();
    expect(new Set(server.seen.map((r) => r.connection)).size).toBe(1);
  });
});

describe("CcmClient: calls by operation name", () => {
  it("ok/call sends the entry's method and path and validates with its response schema", async () => {
    const quota = { quotas: { resources: [{ type: "CERTIFICATE", used: 3, quota: 100_000 }] } };
    server.replies({ status: 200, json: quota });
    expect(await client().call("ShowCertificateQuota")).toEqual({ ok: true, value: quota });
    server.replies({ status: 200, json: ca });
    expect(await client().call("ShowCertificateAuthority", { params: { ca_id: caId } })).toEqual({
      ok: true,
      value: ca,
    });
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/private-certificates/quotas",
      `GET /v1/private-certificate-authorities/${caId}`,
    ]);
    server.replies({ status: 200, json: { quotas: { resources: [{ type: "CERTIFICATE", used: -1 }] } } });
    expect(await client().call("ShowCertificateQuota")).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_BAD_RESPONSE", details: { operation: "ShowCertificateQuota" } },
    });
  });

  it("fail/call refuses input the entry's schemas refuse, before sending", async () => {
    const result = await client().call("ExportCertificate", {
      params: { certificate_id: certId.toUpperCase() },
      body: { is_compressed: "false", type: "OTHER" },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID_ID", details: { operation: "ExportCertificate", attempts: 0 } },
    });
    expect(server.seen).toHaveLength(0);
  });

  it("ok/a method and call of the same operation send the same request", async () => {
    server.replies({ status: 200, json: { total: 0, certificates: [] } });
    await client().listCertificates({ limit: 2, status: "ISSUED" });
    await client().call("ListCertificate", { query: { limit: 2, status: "ISSUED" } });
    const [a, b] = server.seen;
    expect(a && { method: a.method, path: a.path, rawQuery: a.rawQuery }).toEqual(
      b && { method: b.method, path: b.path, rawQuery: b.rawQuery },
    );
    expect(a?.rawQuery).toBe("limit=2&status=ISSUED");
  });
});

describe("CcmClient over HTTP: failures are values", () => {
  it("fail/400 carries status, CCM error_code, error_msg and the request id", async () => {
    server.replies({ status: 400, json: { error_code: "PCA.00020001", error_msg: "Incorrect parameter." } });
    const result = await client().showCertificateAuthority(caId);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "UPSTREAM_REJECTED",
        message: "CCM refused ShowCertificateAuthority (HTTP 400, PCA.00020001).",
        details: {
          operation: "ShowCertificateAuthority",
          attempts: 1,
          upstream: {
            status: 400,
            error_code: "PCA.00020001",
            error_msg: "Incorrect parameter.",
            request_id: "req-1",
          },
        },
      },
    });
  });

  it.each([
    [
      401,
      { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" },
      "UPSTREAM_AUTH_FAILED",
    ],
    [403, { error_code: "APIGW.0302", error_msg: "forbidden" }, "UPSTREAM_AUTH_FAILED"],
    [403, { error_code: "PCA.10010071", error_msg: "already" }, "UPSTREAM_REJECTED"],
    [404, { error_code: "PCA.00030102", error_msg: "CA or certificate is not found." }, "UPSTREAM_REJECTED"],
    [429, { error_code: "APIGW.0308", error_msg: "throttled" }, "UPSTREAM_RATE_LIMITED"],
  ])("fail/%i %o is %s", async (status, json, code) => {
    server.replies({ status, json });
    const result = await client({ retry: { maxAttempts: 1 } }).showCertificateAuthority(caId);
    expect(result).toMatchObject({ ok: false, error: { code, details: { upstream: { status, ...json } } } });
  });

  it("fail/an error body that is not CCM's still reports the status and request id", async () => {
    server.replies({
      status: 400,
      raw: "<html>bad gateway</html>",
      headers: { "content-type": "text/html" },
    });
    const result = await client().showCertificateAuthority(caId);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_REJECTED", details: { upstream: { status: 400, request_id: "req-1" } } },
    });
    expect(!result.ok && result.error.details.upstream?.error_code).toBeUndefined();
  });

  it("fail/malformed 200 bodies are UPSTREAM_BAD_RESPONSE with the schema issues", async () => {
    server.replies({ status: 200, raw: "{not json", headers: { "content-type": "application/json" } });
    expect(await client().showCertificateAuthority(caId)).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_BAD_RESPONSE", details: { attempts: 1, upstream: { status: 200 } } },
    });
    server.replies({ status: 200, json: { ...ca, status: "ACTIVE" } });
    const wrong = await client().showCertificateAuthority(caId);
    expect(wrong).toMatchObject({ ok: false, error: { code: "UPSTREAM_BAD_RESPONSE" } });
    expect(!wrong.ok && wrong.error.details.issues?.[0]?.path).toBe("status");
  });

  it("fail/a malformed 200 to CreateCertificateByCsr is UPSTREAM_OUTCOME_UNKNOWN", async () => {
    server.replies({ status: 200, json: { certificate_id: "nope" } });
    const result = await client().createCertificateByCsr({
      issuer_id: caId,
      csr,
      validity: { type: "DAY", value: 1 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: "UPSTREAM_OUTCOME_UNKNOWN" } });
  });

  it("fail/invalid input is refused before sending", async () => {
    expect(await client().showCertificateAuthority("not-an-id")).toMatchObject({
      ok: false,
      error: { code: "INVALID_ID", details: { attempts: 0 } },
    });
    const result = await client().createCertificateByCsr({
      issuer_id: caId,
      csr,
      validity: { type: "YEAR", value: 1 },
      type: "ENTITY_CERT",
      path_length: 1,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "PATH_LENGTH_NOT_ALLOWED", details: { attempts: 0 } },
    });
    expect(await client().listCertificateAuthorities({ limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED" },
    });
    expect(server.seen).toHaveLength(0);
  });
});

describe("CcmClient over HTTP: retries and timeouts", () => {
  it("retry/a GET is retried on 5xx, re-signed each time, and succeeds", async () => {
    server.replies({ status: 503 }, { status: 502 }, { status: 200, json: ca });
    const result = await client().showCertificateAuthority(caId);
    expect(result.ok).toBe(true);
    expect(server.seen).toHaveLength(3);
    expect(server.seen.every((r) => r.signature === true)).toBe(true);
  });

  it("retry/a GET gives up after maxAttempts with the last status", async () => {
    server.replies({ status: 500, json: { error_code: "PCA.99999999", error_msg: "boom" } });
    const result = await client().showCertificateAuthority(caId);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "UPSTREAM_ERROR",
        details: { attempts: 3, upstream: { status: 500, error_code: "PCA.99999999" } },
      },
    });
    expect(server.seen).toHaveLength(3);
  });

  it("retry/a GET is retried after a connection reset", async () => {
    server.replies("reset", { status: 200, json: ca });
    expect((await client().showCertificateAuthority(caId)).ok).toBe(true);
    expect(server.seen).toHaveLength(2);
  });

  it("retry/backoff is jittered exponential and bounded", async () => {
    const delays: number[] = [];
    server.replies({ status: 503 });
    await client({
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    }).showCertificateAuthority(caId);
    expect(delays).toEqual([50, 100, 125]);
  });

  it("no-retry/a POST is sent once whatever happens", async () => {
    const body = { issuer_id: caId, csr, validity: { type: "DAY" as const, value: 1 } };
    server.replies({ status: 503 });
    expect(await client().createCertificateByCsr(body)).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_OUTCOME_UNKNOWN", details: { attempts: 1, upstream: { status: 503 } } },
    });
    server.replies({ status: 500, json: { error_code: "PCA.00000001", error_msg: "internal" } });
    expect(await client().createCertificateByCsr(body)).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_ERROR" },
    });
    server.replies("reset");
    expect(await client().createCertificateByCsr(body)).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_OUTCOME_UNKNOWN", details: { attempts: 1 } },
    });
    server.replies({ status: 502 });
    expect(await client().exportCertificateAuthorityCertificate(caId)).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_ERROR", details: { attempts: 1 } },
    });
    expect(server.seen).toHaveLength(4);
  });

  it("no-retry/an operation that changes state is sent once, whatever its method", async () => {
    server.replies({ status: 503 });
    const result = await exchange(
      { operation: "X", method: "GET", path: "/v1/x", mutates: true, read: () => ({ ok: true, value: 1 }) },
      {
        baseUrl: new URL(server.url),
        credentials: { kind: "aksk", ...keys },
        transport,
        timeoutMs: 300,
        retry: { maxAttempts: 3, baseDelayMs: 5 },
        now: () => new Date(),
        sleep: async () => {},
        random: () => 0,
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: "UPSTREAM_OUTCOME_UNKNOWN" } });
    expect(server.seen).toHaveLength(1);
  });

  it("timeout/a POST that times out after sending has an unknown outcome", async () => {
    server.replies("hang");
    const started = Date.now();
    const result = await client().createCertificateByCsr({
      issuer_id: caId,
      csr,
      validity: { type: "DAY", value: 1 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_OUTCOME_UNKNOWN", details: { attempts: 1 } },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.seen).toHaveLength(1);
  });

  it("timeout/a GET that times out is UPSTREAM_TIMEOUT and is not retried", async () => {
    server.replies("hang");
    expect(await client().showCertificateAuthority(caId)).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_TIMEOUT", details: { attempts: 1 } },
    });
    expect(server.seen).toHaveLength(1);
  });

  it("unreachable/a refused connection means the POST was surely not sent", async () => {
    const url = await refusedPortUrl();
    const result = await client({ endpoint: { url } }).createCertificateByCsr({
      issuer_id: caId,
      csr,
      validity: { type: "DAY", value: 1 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_UNREACHABLE", details: { attempts: 1, cause: "ECONNREFUSED" } },
    });
  });

  it("unreachable/an unresolvable host is UPSTREAM_UNREACHABLE after the GET retries", async () => {
    const result = await client({ endpoint: { url: "http://ccm.invalid" } }).showCertificateAuthority(caId);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_UNREACHABLE", details: { attempts: 3 } },
    });
  });
});

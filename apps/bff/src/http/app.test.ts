import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiErrorBodySchema, HealthResponseSchema, ReadyResponseSchema } from "@pca/contracts";
import { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../storage/testing/test-storage";
import { createApp } from "./app";
import { listen, type RunningServer } from "./server";
import { ApiClient } from "./testing/client";
import { signedIn } from "./testing/sign-in";
import { startTestApp, type TestApp } from "./testing/test-app";

const errorCode = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;

describe.each(testEngines())("HTTP edge on %s", (engine) => {
  let app: TestApp;
  let client: ApiClient;
  const boom = Router().get("/api/test/boom", () => {
    throw new Error("secret internal detail /etc/passwd");
  });

  beforeAll(async () => {
    app = await startTestApp(engine, { extraRouters: [boom] });
    client = new ApiClient(app.url);
  });
  afterAll(() => app.close());

  it("ok/healthz and readyz answer with the contracts' shapes", async () => {
    const health = await client.request("GET", "/healthz");
    expect(HealthResponseSchema.parse(health.json)).toEqual({ status: "ok", version: "0.0.0-test" });
    const ready = await client.request("GET", "/readyz");
    expect(ready.status).toBe(200);
    expect(ReadyResponseSchema.parse(ready.json)).toMatchObject({
      status: "ready",
      checks: { database: { ok: true }, upstream: { ok: true, mode: "test" } },
    });
  });

  it("fail/without an upstream, a route that needs CCM answers 503 NOT_READY", async () => {
    const admin = await signedIn(app, "no-upstream-admin", "admin");
    const res = await admin.request("GET", "/api/cas");
    expect([res.status, errorCode(res.json)]).toEqual([503, "NOT_READY"]);
  });

  it("ok/metrics count requests by route template", async () => {
    await client.request("GET", "/api/users/someone-else");
    const res = await client.request("GET", "/metrics");
    expect(res.status).toBe(200);
    expect(res.text).toContain('pca_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(res.text).toContain("pca_issuances_total");
    expect(res.text).not.toContain("someone-else");
  });

  it("ok/every answer has a request id, a strict CSP and no X-Powered-By", async () => {
    const res = await client.request("GET", "/healthz", { headers: { "x-request-id": "trace-12345678" } });
    expect(res.headers.get("x-request-id")).toBe("trace-12345678");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const generated = await client.request("GET", "/healthz", { headers: { "x-request-id": "<script>" } });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("ok/HSTS over TLS (behind a trusted proxy)", async () => {
    const proxied = await startTestApp(engine, { env: { TRUST_PROXY: "true" } });
    try {
      const res = await new ApiClient(proxied.url).request("GET", "/healthz", {
        headers: { "x-forwarded-proto": "https" },
      });
      expect(res.headers.get("strict-transport-security")).toContain("max-age=31536000");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await proxied.close();
    }
  });

  it.each([
    ["unknown route", "GET", "/api/nothing-here", {}, 404, "ROUTE_NOT_FOUND"],
    ["wrong method", "PUT", "/api/session", {}, 405, "METHOD_NOT_ALLOWED"],
    [
      "bad JSON",
      "POST",
      "/api/session",
      { raw: "{nope", headers: { "content-type": "application/json" } },
      400,
      "BAD_JSON",
    ],
    [
      "form body",
      "POST",
      "/api/session",
      { raw: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    ["text body", "POST", "/api/session", { raw: "hello" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
    [
      "oversize body",
      "POST",
      "/api/session",
      { body: { username: "a", password: "x".repeat(140_000) } },
      413,
      "BODY_TOO_LARGE",
    ],
    ["schema failure", "POST", "/api/session", { body: { username: "a" } }, 400, "VALIDATION_FAILED"],
    ["anonymous", "GET", "/api/users", {}, 401, "UNAUTHENTICATED"],
    [
      "bad bearer",
      "GET",
      "/api/users",
      { headers: { authorization: "Bearer pca_nope" } },
      401,
      "UNAUTHENTICATED",
    ],
    [
      "not bearer",
      "GET",
      "/api/users",
      { headers: { authorization: "Basic YWJjOmRlZg==" } },
      401,
      "UNAUTHENTICATED",
    ],
  ] as const)("fail/%s answers the envelope", async (_name, method, path, options, status, code) => {
    const res = await client.request(method, path, options);
    expect(res.status).toBe(status);
    expect(errorCode(res.json)).toBe(code);
    if (status === 405) expect(res.headers.get("allow")).toContain("POST");
  });

  it("fail/an unexpected error is INTERNAL without message or stack, and is logged", async () => {
    const res = await client.request("GET", "/api/test/boom");
    expect(res.status).toBe(500);
    expect(errorCode(res.json)).toBe("INTERNAL");
    expect(res.text).not.toContain("passwd");
    expect(res.text).not.toContain("at ");
    expect(
      app.logs.some(
        (l) => l.includes("unhandled error") && l.includes(res.headers.get("x-request-id") ?? "?"),
      ),
    ).toBe(true);
  });

  it("ok/a validation message names the field and never echoes the value", async () => {
    const res = await client.request("POST", "/api/session", {
      body: { username: "<img src=x>", password: "p" },
    });
    expect(errorCode(res.json)).toBe("VALIDATION_FAILED");
    expect(res.text).toContain("username");
    expect(res.text).not.toContain("<img");
  });

  it("ok/openapi.json is generated from every contract route", async () => {
    const res = await client.request("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/session", "/api/cas/{caId}/csr.pem", "/api/audit.csv"]),
    );
    expect(doc.paths["/api/certificates"]?.post).toMatchObject({ "x-pca-access": "issuer" });
  });
});

describe("SPA serving", () => {
  let server: RunningServer;
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp("sqlite");
    const dist = mkdtempSync(join(tmpdir(), "pca-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>PCA Console</title>");
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "assets", "index-abc123.js"), `export const x = "${"console ".repeat(400)}";`);
    server = await listen(createApp({ ...app.deps, webDist: dist }), 0, "127.0.0.1");
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it("serves the SPA for a deep link", async () => {
    const res = await fetch(`${server.url}/cas/some-ca`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("PCA Console");
  });

  it("serves hashed assets compressed and cacheable for a year, API answers uncompressed", async () => {
    const asset = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const api = await fetch(`${server.url}/api/nothing-here`, { headers: { "accept-encoding": "gzip" } });
    expect(api.headers.get("content-encoding")).toBeNull();
  });

  it("does not hide unknown API routes behind the SPA", async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(errorCode(await res.json())).toBe("ROUTE_NOT_FOUND");
  });
});

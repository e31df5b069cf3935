import { readFileSync } from "node:fs";
import {
  ApiErrorBodySchema,
  CertificateDetailResponseSchema,
  CertificateListApiResponseSchema,
  IssueCertificateResponseSchema,
} from "@pca/contracts";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../http/server";
import type { ApiClient } from "../http/testing/client";
import { pkiReaders } from "../issuance/pki-readers";
import { makeCsr } from "../issuance/testing/make-csr";
import { issueHandlers } from "../resources/issue-handler";
import { type ResourceApp, startResourceApp } from "../resources/testing/resource-app";
import { testEngines } from "../storage/testing/test-storage";
import { FIXTURES_DIR } from "../testing/fixtures";

describe.each(testEngines())("certificates on %s", (engine) => {
  let r: ResourceApp;
  beforeAll(async () => {
    r = await startResourceApp({ engine });
  });
  afterAll(() => r.close());

  const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;
  const body = (patch: Record<string, unknown> = {}) => ({
    issuer_id: r.seeded.issuingCaId,
    csr: makeCsr({ cn: "web.example.com", dns: ["web.example.com", "www.example.com"] }).pem,
    validity: { type: "DAY", value: 30 },
    ...patch,
  });
  const post = (client: ApiClient, b: unknown, headers: Record<string, string> = {}) =>
    client.request("POST", "/api/certificates", { body: b, headers });
  let counter = 0;
  const key = () => `test-key-${Date.now()}-${++counter}`;

  describe("POST /api/certificates", () => {
    it("ok/issues an ENTITY_CERT: 201 with certificate_id, audited with CCM's request id", async () => {
      const res = await post(r.issuer, body());
      expect(res.status).toBe(201);
      const issued = IssueCertificateResponseSchema.parse(res.json);
      expect(issued.type).toBe("ENTITY_CERT");
      const events = (await r.app.deps.audit.query({ target: issued.certificate_id })).events;
      expect(events.map((e) => e.action)).toEqual(["certificate.issue.succeeded"]);
      expect(events[0]?.upstreamRequestId).toBe(issued.upstream_request_id);
      expect(events[0]?.actor).toBe("ivan");
    });

    it("ok/reads the issuing CA once for issuances in a row; a CCM failure makes the next one read it again", async () => {
      const shows = () => r.hits("ShowCertificateAuthority");
      const before = shows();
      for (let i = 0; i < 3; i++) expect((await post(r.issuer, body())).status).toBe(201);
      expect(shows() - before).toBeLessThanOrEqual(1);
      r.emulator.faults.error(503, { operation: "CreateCertificateByCsr", times: 1 });
      expect((await post(r.issuer, body())).status).toBe(502);
      const afterFailure = shows();
      expect((await post(r.issuer, body())).status).toBe(201);
      expect(shows()).toBe(afterFailure + 1);
    });

    it("ok/issues an INTERMEDIATE_CA from the root", async () => {
      const csr = readFileSync(`${FIXTURES_DIR}/csr/intermediate-ca-request.pem`, "utf8");
      const res = await post(
        r.issuer,
        body({ issuer_id: r.seeded.rootCaId, csr, type: "INTERMEDIATE_CA", path_length: 0 }),
      );
      expect(res.status).toBe(201);
    });

    it.each([
      ["viewer", 403, "FORBIDDEN"],
      ["issuer without CSRF", 403, "CSRF_FAILED"],
    ])("fail/%s → %i %s, nothing upstream", async (who, status, want) => {
      const before = r.hits("CreateCertificateByCsr");
      const res =
        who === "viewer"
          ? await post(r.viewer, body())
          : await r.issuer.request("POST", "/api/certificates", { body: body(), noCsrf: true });
      expect(res.status).toBe(status);
      expect(code(res.json)).toBe(want);
      expect(r.hits("CreateCertificateByCsr")).toBe(before);
    });

    it.each([
      [
        "fail/validity 21 years",
        () => body({ validity: { type: "YEAR", value: 21 } }),
        400,
        "VALIDITY_OUT_OF_RANGE",
      ],
      [
        "fail/bad signature",
        () => body({ csr: makeCsr({ tamper: true }).pem }),
        400,
        "CSR_SIGNATURE_INVALID",
      ],
      ["fail/DISABLED issuer", () => body({ issuer_id: r.seeded.legacyCaId }), 409, "ISSUER_NOT_ACTIVE"],
      [
        "fail/unknown issuer",
        () => body({ issuer_id: "00000000-0000-4000-8000-000000000000" }),
        400,
        "ISSUER_NOT_FOUND",
      ],
      ["fail/path length", () => body({ type: "INTERMEDIATE_CA" }), 400, "PATH_LENGTH_INVALID"],
      [
        "fail/outlives issuer",
        () => body({ validity: { type: "YEAR", value: 19 } }),
        400,
        "VALIDITY_BEYOND_ISSUER",
      ],
      ["fail/unknown field", () => body({ surprise: 1 }), 400, "VALIDATION_FAILED"],
    ])("%s: audited as refused, nothing upstream", async (_name, make, status, want) => {
      const before = r.hits("CreateCertificateByCsr");
      const res = await post(r.issuer, make());
      expect(res.status).toBe(status);
      expect(code(res.json)).toBe(want);
      expect(r.hits("CreateCertificateByCsr")).toBe(before);
      const refused = await r.app.deps.audit.query({ action: "certificate.issue.refused", limit: 1 });
      expect(refused.events[0]?.details.code).toBe(want);
    });

    it("fail/audit down → 503 AUDIT_UNAVAILABLE and nothing reaches the emulator", async () => {
      const before = r.hits("CreateCertificateByCsr");
      const audit = r.app.deps.audit;
      const append = audit.append;
      audit.append = () => Promise.reject(new Error("disk full"));
      const res = await post(r.issuer, body());
      audit.append = append;
      expect(res.status).toBe(503);
      expect(code(res.json)).toBe("AUDIT_UNAVAILABLE");
      expect(r.hits("CreateCertificateByCsr")).toBe(before);
    });

    it("fail/the bad fixtures: a clear 4xx, never echoed, never upstream", async () => {
      const before = r.hits("CreateCertificateByCsr");
      const { readdirSync } = await import("node:fs");
      for (const file of readdirSync(`${FIXTURES_DIR}/bad`)) {
        const text = readFileSync(`${FIXTURES_DIR}/bad/${file}`).toString("latin1");
        const res = await post(r.issuer, body({ csr: text }));
        expect(res.status, file).toBeGreaterThanOrEqual(400);
        expect(res.status, file).toBeLessThan(500);
        expect(code(res.json), file).toMatch(/^(CSR_|VALIDATION_FAILED)/);
        const probe = text.trim().slice(40, 80);
        if (probe.trim().length >= 20) expect(res.text, file).not.toContain(probe);
      }
      expect(r.hits("CreateCertificateByCsr")).toBe(before);
    });
  });

  describe("metrics", () => {
    it("ok/counts issuances by outcome and times upstream calls by operation", async () => {
      await post(r.issuer, body());
      await post(r.issuer, body({ issuer_id: r.seeded.legacyCaId }));
      const text = await (await fetch(`${r.app.url}/metrics`)).text();
      expect(text).toMatch(/pca_issuances_total\{outcome="succeeded"\} [1-9]/);
      expect(text).toMatch(/pca_issuances_total\{outcome="refused"\} [1-9]/);
      expect(text).toMatch(
        /pca_upstream_request_duration_seconds_count\{operation="CreateCertificateByCsr",outcome="ok"\} [1-9]/,
      );
    });
  });

  describe("Idempotency-Key", () => {
    it("ok/a repeat returns the first answer (status and body) and issues once", async () => {
      const k = key();
      const b = body();
      const before = r.hits("CreateCertificateByCsr");
      const first = await post(r.issuer, b, { "Idempotency-Key": k });
      const again = await post(r.issuer, b, { "Idempotency-Key": k });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(r.hits("CreateCertificateByCsr")).toBe(before + 1);
    });

    it("ok/a refusal replays too", async () => {
      const k = key();
      const b = body({ issuer_id: r.seeded.legacyCaId });
      const first = await post(r.issuer, b, { "Idempotency-Key": k });
      const again = await post(r.issuer, b, { "Idempotency-Key": k });
      expect([first.status, again.status]).toEqual([409, 409]);
      expect(again.json).toEqual(first.json);
    });

    it("ok/concurrent duplicates issue once: one 201, the others 409 IDEMPOTENCY_KEY_IN_USE or the replay", async () => {
      const k = key();
      const b = body();
      const before = r.hits("CreateCertificateByCsr");
      const latency = r.emulator.faults.latency(200, { operation: "CreateCertificateByCsr", times: 1 });
      const all = await Promise.all(
        Array.from({ length: 8 }, () => post(r.issuer, b, { "Idempotency-Key": k })),
      );
      r.emulator.faults.remove(latency);
      expect(r.hits("CreateCertificateByCsr")).toBe(before + 1);
      const statuses = all.map((x) => x.status);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      for (const x of all.filter((x) => x.status === 409))
        expect(code(x.json)).toBe("IDEMPOTENCY_KEY_IN_USE");
      const ids = new Set(all.filter((x) => x.status === 201).map((x) => JSON.stringify(x.json)));
      expect(ids.size).toBe(1);
    });

    it("fail/the same key with another body → 422 IDEMPOTENCY_KEY_REUSED", async () => {
      const k = key();
      expect((await post(r.issuer, body(), { "Idempotency-Key": k })).status).toBe(201);
      const res = await post(r.issuer, body(), { "Idempotency-Key": k });
      expect(res.status).toBe(422);
      expect(code(res.json)).toBe("IDEMPOTENCY_KEY_REUSED");
    });

    it("ok/keys are per actor", async () => {
      const k = key();
      const b = body();
      const admin = await (await import("../http/testing/sign-in")).signedIn(r.app, "ada", "admin");
      expect((await post(r.issuer, b, { "Idempotency-Key": k })).status).toBe(201);
      const other = await post(admin, b, { "Idempotency-Key": k });
      expect(other.status).toBe(201);
      expect(other.headers.get("idempotent-replayed")).toBeNull();
    });

    it("fail/a malformed key → 400 IDEMPOTENCY_KEY_INVALID", async () => {
      const res = await post(r.issuer, body(), { "Idempotency-Key": "short" });
      expect(res.status).toBe(400);
      expect(code(res.json)).toBe("IDEMPOTENCY_KEY_INVALID");
    });

    it("ok/an answer where nothing happened (audit down) frees the key for a retry", async () => {
      const k = key();
      const b = body();
      const audit = r.app.deps.audit;
      const append = audit.append;
      audit.append = () => Promise.reject(new Error("disk full"));
      expect((await post(r.issuer, b, { "Idempotency-Key": k })).status).toBe(503);
      audit.append = append;
      expect((await post(r.issuer, b, { "Idempotency-Key": k })).status).toBe(201);
    });
  });

  describe("reading certificates", () => {
    let issuedId = "";
    beforeAll(async () => {
      const res = await post(
        r.issuer,
        body({
          csr: makeCsr({ cn: "findme.example.org", dns: ["findme.example.org", "alt.example.org"] }).pem,
        }),
      );
      issuedId = IssueCertificateResponseSchema.parse(res.json).certificate_id;
    });

    it("ok/lists with paging, search by CN and SANs read from the certificate", async () => {
      const res = await r.viewer.request("GET", "/api/certificates?name=findme&limit=5");
      expect(res.status).toBe(200);
      const list = CertificateListApiResponseSchema.parse(res.json);
      expect(list.total).toBe(1);
      expect(list.certificates[0]).toMatchObject({
        certificate_id: issuedId,
        status: "ISSUED",
        issuer_name: "Example Corp Issuing CA G1",
        distinguished_name: { common_name: "findme.example.org" },
        subject_alternative_names: [
          { type: "DNS", value: "findme.example.org" },
          { type: "DNS", value: "alt.example.org" },
        ],
      });
      const page = CertificateListApiResponseSchema.parse(
        (await r.viewer.request("GET", "/api/certificates?limit=2&offset=1")).json,
      );
      expect(page.certificates).toHaveLength(2);
      expect(page.total).toBeGreaterThan(3);
    });

    it("ok/detail decoded by pki", async () => {
      const res = await r.viewer.request("GET", `/api/certificates/${issuedId}`);
      const detail = CertificateDetailResponseSchema.parse(res.json);
      expect(detail.preview.subject).toBe("CN=findme.example.org");
      expect(detail.preview.issuer).toContain("Example Corp Issuing CA G1");
      expect(detail.pem.certificate).not.toContain("\r");
    });

    it("ok/pem and chain downloads, audited", async () => {
      const pem = await r.viewer.request("GET", `/api/certificates/${issuedId}/pem`);
      expect(pem.status).toBe(200);
      expect(pem.headers.get("content-disposition")).toContain('filename="findme.example.org.pem"');
      expect(pem.text.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
      const chain = await r.viewer.request("GET", `/api/certificates/${issuedId}/chain.pem`);
      expect(chain.text.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      const downloads = await r.app.deps.audit.query({ action: "certificate.download", target: issuedId });
      expect(downloads.events.map((e) => e.details.file).sort()).toEqual(["chain", "pem"]);
    });

    it("fail/unknown certificate → 404 CERTIFICATE_NOT_FOUND", async () => {
      const res = await r.viewer.request("GET", "/api/certificates/00000000-0000-4000-8000-000000000000/pem");
      expect(res.status).toBe(404);
      expect(code(res.json)).toBe("CERTIFICATE_NOT_FOUND");
    });

    it("fail/a bad query → 400 before CCM", async () => {
      const before = r.hits("ListCertificate");
      expect((await r.viewer.request("GET", "/api/certificates?status=PENDING")).status).toBe(400);
      expect(r.hits("ListCertificate")).toBe(before);
    });
  });

  describe("the per-user issuance rate limit", () => {
    // The app's own limit comes from the config; this mounts the same handlers with a limit of 2
    // twice (two replicas' worth of middleware) behind a stand-in for requireAccess, over the same
    // database, audit log and emulator: the count is shared, so the third request is refused on
    // whichever replica it reaches.
    it("fail/past the limit on either replica → 429 RATE_LIMITED with Retry-After, nothing upstream", async () => {
      const replica = async () => {
        const app = express();
        app.use(express.json());
        app.use((_req, res, next) => {
          res.locals.actor = { username: "rita", role: "issuer", via: "token" };
          res.locals.requestId = "rate-limit-test";
          next();
        });
        app.post("/api/certificates", ...issueHandlers(r.app.deps, pkiReaders, { perMinute: 2 }));
        return listen(app, 0, "127.0.0.1");
      };
      const servers = [await replica(), await replica()];
      try {
        const send = (i: number) =>
          fetch(`${servers[i % 2]?.url}/api/certificates`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body()),
          });
        expect((await send(0)).status).toBe(201);
        expect((await send(1)).status).toBe(201);
        const before = r.hits("CreateCertificateByCsr");
        for (const i of [0, 1]) {
          const res = await send(i);
          expect(res.status).toBe(429);
          expect(code(await res.json())).toBe("RATE_LIMITED");
          expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        }
        expect(r.hits("CreateCertificateByCsr")).toBe(before);
      } finally {
        await Promise.all(servers.map((s) => s.close()));
      }
    });
  });
});

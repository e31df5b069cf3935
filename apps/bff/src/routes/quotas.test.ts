import { ApiErrorBodySchema, QuotaUsageSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../http/testing/client";
import { signedIn } from "../http/testing/sign-in";
import { startTestApp } from "../http/testing/test-app";
import { type ResourceApp, startResourceApp } from "../resources/testing/resource-app";
import type { Upstream } from "../upstream/port";
import { unconfiguredUpstream } from "../upstream/unconfigured";

let r: ResourceApp;
beforeAll(async () => {
  r = await startResourceApp();
});
afterAll(() => r.close());

const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;

describe("GET /api/quotas/cas", () => {
  it("ok/the seeded CAs against CCM's quota of 100", async () => {
    const res = await r.viewer.request("GET", "/api/quotas/cas");
    expect(res.status, res.text).toBe(200);
    expect(QuotaUsageSchema.parse(res.json)).toEqual({ used: 4, quota: 100 });
    expect(Object.keys(res.json as object).sort()).toEqual(["quota", "used"]);
  });

  it("fail/anonymous gets 401, without a call to CCM", async () => {
    const res = await new ApiClient(r.app.url).request("GET", "/api/quotas/cas");
    expect([res.status, code(res.json)]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("fail/CCM failing is UPSTREAM_ERROR with CCM's status kept", async () => {
    const id = r.emulator.faults.error(500, { operation: "ShowCertificateAuthorityQuota", times: 3 });
    const res = await r.viewer.request("GET", "/api/quotas/cas");
    r.emulator.faults.remove(id);
    expect([res.status, code(res.json)]).toEqual([502, "UPSTREAM_ERROR"]);
    expect(ApiErrorBodySchema.parse(res.json).error.upstream).toMatchObject({ status: 500 });
  });

  it("fail/an answer that is not CCM's quota shape is UPSTREAM_BAD_RESPONSE", async () => {
    const id = r.emulator.faults.malformed("wrong-shape", { operation: "ShowCertificateAuthorityQuota" });
    const res = await r.viewer.request("GET", "/api/quotas/cas");
    r.emulator.faults.remove(id);
    expect([res.status, code(res.json)]).toEqual([502, "UPSTREAM_BAD_RESPONSE"]);
  });

  it("fail/a quota answer without the CA entry is UPSTREAM_BAD_RESPONSE, with CCM's request id", async () => {
    const none = unconfiguredUpstream({ ok: true, mode: "test" });
    const upstream: Upstream = {
      ...none,
      ccm: {
        ...none.ccm,
        showCertificateAuthorityQuota: async () => ({
          ok: true,
          value: { quotas: { resources: [{ type: "CERTIFICATE", used: 1, quota: 100_000 }] } },
          requestId: "ccm-request-1",
        }),
      },
    };
    const app = await startTestApp("sqlite", { upstream });
    try {
      const viewer = await signedIn(app, "quota-viewer", "viewer");
      const res = await viewer.request("GET", "/api/quotas/cas");
      expect([res.status, code(res.json)]).toEqual([502, "UPSTREAM_BAD_RESPONSE"]);
      expect(ApiErrorBodySchema.parse(res.json).error.upstream).toEqual({ request_id: "ccm-request-1" });
    } finally {
      await app.close();
    }
  });
});

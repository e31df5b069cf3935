import { QuotaUsageSchema } from "@pca/contracts";
import { Router } from "express";
import type { AppDeps } from "../core/deps";
import { contractFor, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";
import { sendResourceFailure } from "../resources/respond";

const caQuota = contractFor("GET", "/api/quotas/cas");

/** The quota routes: how many CAs the account has against CCM's quota (ShowCertificateAuthorityQuota). */
export function quotasRoutes(deps: AppDeps): Router {
  const router = Router();

  mountRoute(router, caQuota, async (_req, res) => {
    const shown = await deps.upstream.ccm.showCertificateAuthorityQuota();
    if (!shown.ok) return sendResourceFailure(res, shown.error);
    const cas = shown.value.quotas.resources.find((r) => r.type === "CERTIFICATE_AUTHORITY");
    if (!cas) {
      return sendResourceFailure(res, {
        code: "UPSTREAM_BAD_RESPONSE",
        message: "CCM's quota answer has no CERTIFICATE_AUTHORITY entry.",
        upstream: shown.requestId === null ? {} : { request_id: shown.requestId },
      });
    }
    sendJson(res, QuotaUsageSchema, { used: cas.used, quota: cas.quota });
  });

  return router;
}

import type { CcmClient, CcmResult } from "@pca/ccm-client";
import { upstreamDuration, upstreamErrors } from "../observability/metrics";
import type { createCapture } from "./capture-transport";
import { type CcmOperation, mapCcmFailure } from "./map-failure";
import type { CcmPort, UpstreamResult } from "./port";

type Capture = ReturnType<typeof createCapture>;

/**
 * The console's CCM port over ccm-client: each call's failure is mapped to a stable code, and each
 * result carries CCM's request id. ExportCertificate is asked for JSON (`is_compressed: "false"`);
 * a zip answer is UPSTREAM_BAD_RESPONSE.
 */
export function createCcmPort(client: CcmClient, capture: Capture): CcmPort {
  async function call<T>(op: CcmOperation, send: () => Promise<CcmResult<T>>): Promise<UpstreamResult<T>> {
    const started = performance.now();
    const { result, facts } = await capture.run(send);
    const seconds = (performance.now() - started) / 1000;
    if (result.ok) {
      upstreamDuration.observe({ operation: op, outcome: "ok" }, seconds);
      return { ok: true, value: result.value, requestId: facts.requestId ?? null };
    }
    const error = mapCcmFailure(op, result.error, facts.retryAfterSeconds);
    upstreamDuration.observe({ operation: op, outcome: error.code }, seconds);
    upstreamErrors.inc({ operation: op, code: error.code });
    return { ok: false, error };
  }
  return {
    listCertificateAuthorities: (query) =>
      call("ListCertificateAuthority", () => client.listCertificateAuthorities(query)),
    showCertificateAuthority: (caId) =>
      call("ShowCertificateAuthority", () => client.showCertificateAuthority(caId)),
    exportCertificateAuthorityCsr: (caId) =>
      call("ExportCertificateAuthorityCsr", () => client.exportCertificateAuthorityCsr(caId)),
    exportCertificateAuthorityCertificate: (caId) =>
      call("ExportCertificateAuthorityCertificate", () => client.exportCertificateAuthorityCertificate(caId)),
    createCertificateByCsr: (body) =>
      call("CreateCertificateByCsr", () => client.createCertificateByCsr(body)),
    listCertificates: (query) => call("ListCertificate", () => client.listCertificates(query)),
    showCertificate: (id) => call("ShowCertificate", () => client.showCertificate(id)),
    async exportCertificate(id, body) {
      const exported = await call("ExportCertificate", () => client.exportCertificate(id, body));
      if (!exported.ok) return exported;
      if (exported.value.format === "json") return { ...exported, value: exported.value.value };
      return {
        ok: false,
        error: {
          code: "UPSTREAM_BAD_RESPONSE",
          message: "CCM answered ExportCertificate with a zip file where JSON was asked for.",
          upstream: exported.requestId === null ? {} : { request_id: exported.requestId },
        },
      };
    },
  };
}

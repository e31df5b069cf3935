import { describe, expect, it } from "vitest";
import { type CcmCallFailure, type CcmOperation, mapCcmFailure } from "./map-failure";

const http = (status: number, errorCode?: string, retryAfterSeconds?: number): CcmCallFailure => ({
  kind: "http",
  status,
  errorCode,
  errorMsg: errorCode ? "CCM says no." : undefined,
  requestId: "req-1",
  retryAfterSeconds,
});

describe("mapCcmFailure", () => {
  it.each<[string, CcmOperation, CcmCallFailure, string]>([
    ["ok/live not-found on show CA", "ShowCertificateAuthority", http(400, "PCA.10010002"), "CA_NOT_FOUND"],
    ["ok/doc not-found on show CA", "ShowCertificateAuthority", http(404, "PCA.00030102"), "CA_NOT_FOUND"],
    [
      "ok/not-found on CSR export",
      "ExportCertificateAuthorityCsr",
      http(400, "PCA.10010002"),
      "CA_NOT_FOUND",
    ],
    ["ok/not-found on show cert", "ShowCertificate", http(400, "PCA.10010002"), "CERTIFICATE_NOT_FOUND"],
    ["ok/not-found on export cert", "ExportCertificate", http(404), "CERTIFICATE_NOT_FOUND"],
    [
      "ok/not-found issuer on create",
      "CreateCertificateByCsr",
      http(400, "PCA.10010002"),
      "ISSUER_NOT_FOUND",
    ],
    [
      "ok/not-found on list is a rejection",
      "ListCertificate",
      http(400, "PCA.10010002"),
      "UPSTREAM_REJECTED",
    ],
    ["ok/bad parameter", "CreateCertificateByCsr", http(400, "PCA.00020001"), "UPSTREAM_REJECTED"],
    ["ok/gateway 401", "ListCertificateAuthority", http(401, "APIGW.0301"), "UPSTREAM_AUTH_FAILED"],
    ["ok/403", "ShowCertificate", http(403, "PCA.10010071"), "UPSTREAM_AUTH_FAILED"],
    ["ok/429", "CreateCertificateByCsr", http(429, "APIGW.0308"), "UPSTREAM_RATE_LIMITED"],
    ["ok/500", "CreateCertificateByCsr", http(500, "PCA.10010001"), "UPSTREAM_ERROR"],
    ["ok/503 without body", "ListCertificate", http(503), "UPSTREAM_ERROR"],
    ["ok/timeout", "ShowCertificate", { kind: "timeout", outcomeUnknown: false }, "UPSTREAM_TIMEOUT"],
    ["ok/unreachable", "ShowCertificate", { kind: "unreachable" }, "UPSTREAM_UNREACHABLE"],
    [
      "ok/reset before send",
      "ShowCertificate",
      { kind: "connection-lost", outcomeUnknown: false },
      "UPSTREAM_UNREACHABLE",
    ],
    [
      "ok/reset after send",
      "CreateCertificateByCsr",
      { kind: "connection-lost", outcomeUnknown: true },
      "UPSTREAM_OUTCOME_UNKNOWN",
    ],
    ["ok/malformed", "ListCertificate", { kind: "bad-response", status: 200 }, "UPSTREAM_BAD_RESPONSE"],
  ])("%s", (_name, op, failure, want) => {
    expect(mapCcmFailure(op, failure).code).toBe(want);
  });

  it("keeps CCM's status, error_code, error_msg and request id in upstream", () => {
    const mapped = mapCcmFailure("CreateCertificateByCsr", http(400, "PCA.00020109"));
    expect(mapped.upstream).toEqual({
      status: 400,
      error_code: "PCA.00020109",
      error_msg: "CCM says no.",
      request_id: "req-1",
    });
  });

  it("carries Retry-After of a 429", () => {
    const mapped = mapCcmFailure("CreateCertificateByCsr", http(429, undefined, 7));
    expect(mapped.retryAfterSeconds).toBe(7);
  });

  it("marks a timed-out POST as of unknown outcome", () => {
    const mapped = mapCcmFailure("CreateCertificateByCsr", { kind: "timeout", outcomeUnknown: true });
    expect(mapped.code).toBe("UPSTREAM_TIMEOUT");
    expect(mapped.outcomeUnknown).toBe(true);
  });
});

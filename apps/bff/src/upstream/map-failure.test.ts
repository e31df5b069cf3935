import type { CcmFailure } from "@pca/ccm-client";
import type { CcmOperationName, ErrorCode, UpstreamError } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { mapCcmFailure } from "./map-failure";

const failure = (code: ErrorCode, upstream?: UpstreamError): CcmFailure => ({
  code,
  message: "ccm-client's sentence",
  details: { operation: "x", attempts: 1, ...(upstream ? { upstream } : {}) },
});
const rejected = (status: number, error_code?: string) =>
  failure("UPSTREAM_REJECTED", { status, ...(error_code ? { error_code, error_msg: "CCM says no." } : {}) });

describe("mapCcmFailure", () => {
  it.each<[string, CcmOperationName, CcmFailure, string]>([
    [
      "ok/live not-found on show CA",
      "ShowCertificateAuthority",
      rejected(400, "PCA.10010002"),
      "CA_NOT_FOUND",
    ],
    [
      "ok/doc not-found on show CA",
      "ShowCertificateAuthority",
      rejected(404, "PCA.00030102"),
      "CA_NOT_FOUND",
    ],
    [
      "ok/not-found on CSR export",
      "ExportCertificateAuthorityCsr",
      rejected(400, "PCA.10010002"),
      "CA_NOT_FOUND",
    ],
    ["ok/not-found on show cert", "ShowCertificate", rejected(400, "PCA.10010002"), "CERTIFICATE_NOT_FOUND"],
    ["ok/not-found on export cert", "ExportCertificate", rejected(404), "CERTIFICATE_NOT_FOUND"],
    [
      "ok/not-found issuer on create",
      "CreateCertificateByCsr",
      rejected(400, "PCA.10010002"),
      "ISSUER_NOT_FOUND",
    ],
    [
      "ok/not-found on a list stays a rejection",
      "ListCertificate",
      rejected(400, "PCA.10010002"),
      "UPSTREAM_REJECTED",
    ],
    ["ok/bad parameter", "CreateCertificateByCsr", rejected(400, "PCA.00020001"), "UPSTREAM_REJECTED"],
    [
      "ok/auth",
      "ListCertificateAuthority",
      failure("UPSTREAM_AUTH_FAILED", { status: 401 }),
      "UPSTREAM_AUTH_FAILED",
    ],
    [
      "ok/429",
      "CreateCertificateByCsr",
      failure("UPSTREAM_RATE_LIMITED", { status: 429 }),
      "UPSTREAM_RATE_LIMITED",
    ],
    ["ok/5xx", "CreateCertificateByCsr", failure("UPSTREAM_ERROR", { status: 500 }), "UPSTREAM_ERROR"],
    ["ok/timeout", "ShowCertificate", failure("UPSTREAM_TIMEOUT"), "UPSTREAM_TIMEOUT"],
    ["ok/unreachable", "ShowCertificate", failure("UPSTREAM_UNREACHABLE"), "UPSTREAM_UNREACHABLE"],
    [
      "ok/malformed",
      "ListCertificate",
      failure("UPSTREAM_BAD_RESPONSE", { status: 200 }),
      "UPSTREAM_BAD_RESPONSE",
    ],
    ["ok/unknown", "CreateCertificateByCsr", failure("UPSTREAM_OUTCOME_UNKNOWN"), "UPSTREAM_OUTCOME_UNKNOWN"],
  ])("%s", (_name, op, input, want) => {
    expect(mapCcmFailure(op, input).code).toBe(want);
  });

  it("keeps CCM's status, error_code, error_msg and request id in upstream", () => {
    const mapped = mapCcmFailure(
      "CreateCertificateByCsr",
      failure("UPSTREAM_REJECTED", {
        status: 400,
        error_code: "PCA.00020109",
        error_msg: "Invalid validity.",
        request_id: "req-1",
      }),
    );
    expect(mapped.upstream).toEqual({
      status: 400,
      error_code: "PCA.00020109",
      error_msg: "Invalid validity.",
      request_id: "req-1",
    });
    expect(mapped.message).toContain("PCA.00020109");
  });

  it("carries Retry-After of a 429 and flags an unknown outcome", () => {
    expect(mapCcmFailure("ListCertificate", failure("UPSTREAM_RATE_LIMITED"), 7).retryAfterSeconds).toBe(7);
    expect(mapCcmFailure("CreateCertificateByCsr", failure("UPSTREAM_OUTCOME_UNKNOWN")).outcomeUnknown).toBe(
      true,
    );
    expect(mapCcmFailure("CreateCertificateByCsr", failure("UPSTREAM_ERROR")).outcomeUnknown).toBeUndefined();
  });
});

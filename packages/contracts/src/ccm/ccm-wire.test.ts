import { describe, expect, it } from "vitest";
import { CertificateListQuerySchema, ExportCertificateRequestSchema } from "./certificate";
import { CaListQuerySchema, ExportCaCsrResponseSchema } from "./certificate-authority";
import { CcmErrorBodySchema, CcmIdSchema } from "./common";

const passes = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success;

describe("CCM wire limits, at the limit and one past", () => {
  it.each([
    ["ok/exported csr 1", { csr: "x" }, true],
    ["ok/exported csr 4096", { csr: "x".repeat(4096) }, true],
    ["fail/exported csr 0", { csr: "" }, false],
    ["fail/exported csr 4097", { csr: "x".repeat(4097) }, false],
  ] as const)("ExportCertificateAuthorityCsr %s", (_n, v, want) => {
    expect(passes(ExportCaCsrResponseSchema, v)).toBe(want);
  });

  it.each([
    ["ok/error_code 3", { error_code: "abc", error_msg: "" }, true],
    ["ok/error_code 36", { error_code: "c".repeat(36), error_msg: "" }, true],
    ["fail/error_code 2", { error_code: "ab", error_msg: "" }, false],
    ["fail/error_code 37", { error_code: "c".repeat(37), error_msg: "" }, false],
    ["ok/error_msg 1024", { error_code: "PCA.00020001", error_msg: "m".repeat(1024) }, true],
    ["fail/error_msg 1025", { error_code: "PCA.00020001", error_msg: "m".repeat(1025) }, false],
  ] as const)("CCM error body %s", (_n, v, want) => {
    expect(passes(CcmErrorBodySchema, v)).toBe(want);
  });

  it.each([
    ["ok/limit 0", { limit: "0" }, true],
    ["ok/limit 1000", { limit: "1000" }, true],
    ["fail/limit 1001", { limit: "1001" }, false],
    ["fail/limit -1", { limit: "-1" }, false],
    ["ok/offset 0", { offset: "0" }, true],
    ["fail/offset -1", { offset: "-1" }, false],
    ["ok/name 64", { name: "n".repeat(64) }, true],
    ["fail/name 65", { name: "n".repeat(65) }, false],
    ["fail/name empty", { name: "" }, false],
    ["ok/status ACTIVED", { status: "ACTIVED" }, true],
    ["fail/status ACTIVE", { status: "ACTIVE" }, false],
    ["ok/sort_key not_after", { sort_key: "not_after", sort_dir: "ASC" }, true],
    ["fail/sort_key issuer_name", { sort_key: "issuer_name" }, false],
    ["fail/unknown param", { page: "1" }, false],
  ] as const)("ListCertificateAuthority query %s", (_n, v, want) => {
    expect(passes(CaListQuerySchema, v)).toBe(want);
  });

  it.each([
    ["ok/limit 1000", { limit: "1000" }, true],
    ["fail/limit 1001", { limit: "1001" }, false],
    ["ok/sort_key issuer_name", { sort_key: "issuer_name" }, true],
    ["ok/status REVOKED", { status: "REVOKED" }, true],
    ["fail/status PENDING", { status: "PENDING" }, false],
  ] as const)("ListCertificate query %s", (_n, v, want) => {
    expect(passes(CertificateListQuerySchema, v)).toBe(want);
  });

  it.each([
    ["ok/uuid", "4c0e772e-a30c-4029-b929-b7acb04143f7", true],
    ["fail/35", "4c0e772e-a30c-4029-b929-b7acb04143f", false],
    ["fail/37", "4c0e772e-a30c-4029-b929-b7acb04143f77", false],
    ["fail/no dashes", "4c0e772ea30c4029b929b7acb04143f7aaaa", false],
    ["fail/path traversal", "../../../../../../../../../../etc/pwd", false],
  ] as const)("CCM id %s", (_n, v, want) => {
    expect(passes(CcmIdSchema, v)).toBe(want);
  });

  it("ExportCertificate accepts the documented string form and the doc example's boolean", () => {
    expect(passes(ExportCertificateRequestSchema, { is_compressed: "false", type: "OTHER" })).toBe(true);
    expect(passes(ExportCertificateRequestSchema, { is_compressed: false, type: "other" })).toBe(true);
    expect(passes(ExportCertificateRequestSchema, { is_compressed: "no", type: "OTHER" })).toBe(false);
    expect(passes(ExportCertificateRequestSchema, { is_compressed: "true", type: "PKCS12" })).toBe(false);
    expect(
      passes(ExportCertificateRequestSchema, {
        is_compressed: "true",
        type: "NGINX",
        password: "p".repeat(33),
      }),
    ).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseWith } from "../validation";
import {
  CREATE_CERTIFICATE_BY_CSR_CODES,
  type CreateCertificateByCsrRequest,
  CreateCertificateByCsrRequestSchema,
} from "./create-certificate-by-csr";

const ISSUER = "4c0e772e-a30c-4029-b929-b7acb04143f7";
const base: CreateCertificateByCsrRequest = {
  issuer_id: ISSUER,
  csr: "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----",
  validity: { type: "YEAR", value: 1 },
};

/** Parses a body built from the base and returns the code a user would see (or "ok"). */
function codeOf(patch: Record<string, unknown>): string {
  const result = parseWith(
    CreateCertificateByCsrRequestSchema,
    { ...base, ...patch },
    CREATE_CERTIFICATE_BY_CSR_CODES,
  );
  return result.ok ? "ok" : result.error.code;
}

const sans = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: "DNS", value: `h${i}.example.com` }));

describe("CreateCertificateByCsr request: every documented limit, at the limit and one past", () => {
  it.each([
    ["ok/issuer_id 36 lowercase hex", { issuer_id: ISSUER }, "ok"],
    ["fail/issuer_id 35 chars", { issuer_id: ISSUER.slice(1) }, "INVALID_ID"],
    ["fail/issuer_id 37 chars", { issuer_id: `${ISSUER}0` }, "INVALID_ID"],
    ["fail/issuer_id uppercase", { issuer_id: ISSUER.toUpperCase() }, "INVALID_ID"],
    ["fail/issuer_id missing", { issuer_id: undefined }, "INVALID_ID"],
    ["ok/csr 5120 chars", { csr: "x".repeat(5120) }, "ok"],
    ["fail/csr 5121 chars", { csr: "x".repeat(5121) }, "CSR_TOO_LONG"],
    ["fail/csr empty", { csr: "" }, "CSR_EMPTY"],
    ["fail/csr not a string", { csr: 42 }, "VALIDATION_FAILED"],
    ["ok/validity YEAR 20", { validity: { type: "YEAR", value: 20 } }, "ok"],
    ["fail/validity YEAR 21", { validity: { type: "YEAR", value: 21 } }, "VALIDITY_OUT_OF_RANGE"],
    ["ok/validity MONTH 240", { validity: { type: "MONTH", value: 240 } }, "ok"],
    ["fail/validity MONTH 241", { validity: { type: "MONTH", value: 241 } }, "VALIDITY_OUT_OF_RANGE"],
    ["ok/validity DAY 7440", { validity: { type: "DAY", value: 7440 } }, "ok"],
    ["fail/validity DAY 7441", { validity: { type: "DAY", value: 7441 } }, "VALIDITY_OUT_OF_RANGE"],
    ["ok/validity HOUR 178560", { validity: { type: "HOUR", value: 178560 } }, "ok"],
    ["fail/validity HOUR 178561", { validity: { type: "HOUR", value: 178561 } }, "VALIDITY_OUT_OF_RANGE"],
    ["ok/validity value 1", { validity: { type: "HOUR", value: 1 } }, "ok"],
    ["fail/validity value 0", { validity: { type: "HOUR", value: 0 } }, "VALIDITY_OUT_OF_RANGE"],
    ["fail/validity value 1.5", { validity: { type: "DAY", value: 1.5 } }, "VALIDITY_OUT_OF_RANGE"],
    ["fail/validity type WEEK", { validity: { type: "WEEK", value: 1 } }, "VALIDITY_OUT_OF_RANGE"],
    ["fail/validity unknown key", { validity: { type: "DAY", value: 1, extra: 1 } }, "VALIDITY_OUT_OF_RANGE"],
    [
      "ok/INTERMEDIATE_CA validity YEAR 20",
      { type: "INTERMEDIATE_CA", validity: { type: "YEAR", value: 20 } },
      "ok",
    ],
    [
      "fail/INTERMEDIATE_CA validity YEAR 21",
      { type: "INTERMEDIATE_CA", validity: { type: "YEAR", value: 21 } },
      "VALIDITY_OUT_OF_RANGE",
    ],
    ["ok/path_length 0 with INTERMEDIATE_CA", { type: "INTERMEDIATE_CA", path_length: 0 }, "ok"],
    ["ok/path_length 6 with INTERMEDIATE_CA", { type: "INTERMEDIATE_CA", path_length: 6 }, "ok"],
    ["fail/path_length 7", { type: "INTERMEDIATE_CA", path_length: 7 }, "PATH_LENGTH_INVALID"],
    ["fail/path_length -1", { type: "INTERMEDIATE_CA", path_length: -1 }, "PATH_LENGTH_INVALID"],
    ["fail/path_length with ENTITY_CERT", { type: "ENTITY_CERT", path_length: 0 }, "PATH_LENGTH_NOT_ALLOWED"],
    ["fail/path_length with the default type", { path_length: 1 }, "PATH_LENGTH_NOT_ALLOWED"],
    ["fail/type unknown", { type: "ROOT" }, "VALIDATION_FAILED"],
    ["ok/20 SANs", { subject_alternative_names: sans(20) }, "ok"],
    ["fail/21 SANs", { subject_alternative_names: sans(21) }, "SAN_TOO_MANY"],
    ["ok/0 SANs", { subject_alternative_names: [] }, "ok"],
    ["ok/DNS 253", { subject_alternative_names: [{ type: "DNS", value: "d".repeat(253) }] }, "ok"],
    ["fail/DNS 254", { subject_alternative_names: [{ type: "DNS", value: "d".repeat(254) }] }, "SAN_INVALID"],
    ["ok/IP 39", { subject_alternative_names: [{ type: "IP", value: "1".repeat(39) }] }, "ok"],
    ["fail/IP 40", { subject_alternative_names: [{ type: "IP", value: "1".repeat(40) }] }, "SAN_INVALID"],
    ["ok/EMAIL 256", { subject_alternative_names: [{ type: "EMAIL", value: "e".repeat(256) }] }, "ok"],
    [
      "fail/EMAIL 257",
      { subject_alternative_names: [{ type: "EMAIL", value: "e".repeat(257) }] },
      "SAN_INVALID",
    ],
    ["ok/URI 253", { subject_alternative_names: [{ type: "URI", value: "u".repeat(253) }] }, "ok"],
    ["fail/URI 254", { subject_alternative_names: [{ type: "URI", value: "u".repeat(254) }] }, "SAN_INVALID"],
    ["ok/UPN 256", { subject_alternative_names: [{ type: "UPN", value: "p".repeat(256) }] }, "ok"],
    ["fail/UPN 257", { subject_alternative_names: [{ type: "UPN", value: "p".repeat(257) }] }, "SAN_INVALID"],
    ["fail/SAN type OTHER", { subject_alternative_names: [{ type: "OTHER", value: "x" }] }, "SAN_INVALID"],
    ["fail/SAN empty value", { subject_alternative_names: [{ type: "DNS", value: "" }] }, "SAN_INVALID"],
    ["ok/enterprise_project_id all", { enterprise_project_id: "all" }, "ok"],
    ["ok/enterprise_project_id 0", { enterprise_project_id: "0" }, "ok"],
    [
      "ok/enterprise_project_id pattern",
      { enterprise_project_id: "abcdef01-2345-6789-abcd-ef0123456789" },
      "ok",
    ],
    [
      "fail/enterprise_project_id uppercase",
      { enterprise_project_id: "ABCDEF01-2345-6789-abcd-ef0123456789" },
      "ENTERPRISE_PROJECT_ID_INVALID",
    ],
    ["fail/enterprise_project_id 1", { enterprise_project_id: "1" }, "ENTERPRISE_PROJECT_ID_INVALID"],
    ["fail/enterprise_project_id ALL", { enterprise_project_id: "ALL" }, "ENTERPRISE_PROJECT_ID_INVALID"],
    ["fail/unknown field", { surprise: true }, "VALIDATION_FAILED"],
  ] as const)("%s", (_name, patch, want) => {
    expect(codeOf(patch)).toBe(want);
  });

  it("defaults nothing it does not know: type stays absent (CCM applies ENTITY_CERT)", () => {
    const parsed = CreateCertificateByCsrRequestSchema.parse(base);
    expect(parsed.type).toBeUndefined();
  });

  it("never echoes the submitted value in a failure", () => {
    const secret = "-----BEGIN PRIVATE KEY-----SECRETSECRET";
    const result = parseWith(
      CreateCertificateByCsrRequestSchema,
      { ...base, csr: secret.repeat(200) },
      CREATE_CERTIFICATE_BY_CSR_CODES,
    );
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("SECRETSECRET");
  });
});

import type { CsrPreview, LintFinding } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { ca, ids, NOW } from "../../../testing/data";
import type { CsrAnalysis } from "./analyse-csr";
import { buildIssueRequest, type IssueFormValues } from "./build-request";

const WIRE = "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----";

const analysis = (
  overrides: { signatureValid?: boolean | null; lint?: LintFinding[] } = {},
): CsrAnalysis => ({
  ok: true,
  preview: { signatureValid: overrides.signatureValid ?? true } as CsrPreview,
  lint: overrides.lint ?? [],
  wire: { ok: true, value: WIRE },
});

const values = (overrides: Partial<IssueFormValues> = {}): IssueFormValues => ({
  issuerId: ids.active,
  type: "ENTITY_CERT",
  pathLength: 0,
  validityType: "YEAR",
  validityValue: 1,
  startFrom: undefined,
  ...overrides,
});

const YEAR = 372 * 86_400_000;
const issuer = ca();

describe("buildIssueRequest", () => {
  it("ok/entity certificate: CCM's body, no path_length, window from now", () => {
    const built = buildIssueRequest(values(), analysis(), issuer, NOW);
    expect(built.problems).toEqual({});
    expect(built.body).toEqual({
      issuer_id: ids.active,
      csr: WIRE,
      validity: { type: "YEAR", value: 1 },
      type: "ENTITY_CERT",
    });
    expect(built.window).toEqual({ notBefore: NOW, notAfter: NOW + YEAR });
  });

  it("ok/intermediate CA carries path_length and start_from", () => {
    const start = NOW + 3_600_000;
    const built = buildIssueRequest(
      values({
        type: "INTERMEDIATE_CA",
        pathLength: 1,
        startFrom: start,
        validityType: "MONTH",
        validityValue: 6,
      }),
      analysis(),
      issuer,
      NOW,
    );
    expect(built.body).toMatchObject({
      type: "INTERMEDIATE_CA",
      path_length: 1,
      validity: { start_from: start },
    });
  });

  const failures: [string, Partial<IssueFormValues>, CsrAnalysis | null, string, string][] = [
    ["fail/no issuer", { issuerId: null }, analysis(), "issuer", "REQUIRED"],
    ["fail/validity over 20 years", { validityValue: 21 }, analysis(), "validity", "VALIDITY_OUT_OF_RANGE"],
    ["fail/validity empty", { validityValue: Number.NaN }, analysis(), "validity", "VALIDITY_OUT_OF_RANGE"],
    [
      "fail/hours over the cap",
      { validityType: "HOUR", validityValue: 178_561 },
      analysis(),
      "validity",
      "VALIDITY_OUT_OF_RANGE",
    ],
    [
      "fail/start in the past",
      { startFrom: NOW - 10 * 60_000 },
      analysis(),
      "validity",
      "VALIDITY_START_IN_PAST",
    ],
    ["fail/CSR still being read", {}, null, "csr", "CSR_PENDING"],
    ["fail/bad signature", {}, analysis({ signatureValid: false }), "csr", "CSR_SIGNATURE_INVALID"],
    [
      "fail/lint error",
      {},
      analysis({ lint: [{ id: "key-type-not-in-ccm", severity: "error", message: { en: "x", zh: "x" } }] }),
      "csr",
      "CSR_LINT_ERRORS",
    ],
    [
      "fail/unparseable CSR",
      {},
      { ok: false, error: { code: "CSR_UNPARSEABLE", message: "no" } },
      "csr",
      "CSR_UNPARSEABLE",
    ],
  ];
  it.each(failures)("%s", (_name, overrides, csr, field, code) => {
    const built = buildIssueRequest(values(overrides), csr, issuer, NOW);
    expect(built.body).toBeNull();
    expect(built.problems[field as "csr"]?.code).toBe(code);
  });

  it("fail/warnings do not block, errors do", () => {
    const warn = analysis({
      lint: [{ id: "cn-not-in-sans", severity: "warning", message: { en: "w", zh: "w" } }],
    });
    expect(buildIssueRequest(values(), warn, issuer, NOW).body).not.toBeNull();
  });

  it("fail/an issuer that is not ACTIVED", () => {
    const built = buildIssueRequest(
      values({ issuerId: ids.pending }),
      analysis(),
      ca({ ca_id: ids.pending, status: "PENDING" }),
      NOW,
    );
    expect(built.problems.issuer?.code).toBe("ISSUER_NOT_ACTIVE");
  });

  it("fail/the certificate would outlive its issuer", () => {
    const shortLived = ca({ not_after: NOW + 30 * 86_400_000 });
    const built = buildIssueRequest(values(), analysis(), shortLived, NOW);
    expect(built.problems.validity).toMatchObject({ code: "VALIDITY_BEYOND_ISSUER" });
  });
});

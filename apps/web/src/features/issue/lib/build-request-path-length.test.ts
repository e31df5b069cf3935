import { describe, expect, it } from "vitest";
import { ca, ids, NOW } from "../../../testing/data";
import type { CsrAnalysis } from "./analyse-csr";
import { buildIssueRequest } from "./build-request";

describe("path length before submit (contracts' checkPathLength)", () => {
  const analysis: CsrAnalysis = {
    ok: true,
    preview: { signatureValid: true } as never,
    lint: [],
    wire: {
      ok: true,
      value: "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----",
    },
  };
  const form = (pathLength: number) => ({
    issuerId: ids.active,
    type: "INTERMEDIATE_CA" as const,
    pathLength,
    validityType: "YEAR" as const,
    validityValue: 1,
    startFrom: undefined,
  });

  it("fail/a path length not below the issuer's is refused before submit", () => {
    const built = buildIssueRequest(form(2), analysis, ca({ path_length: 2 }), NOW);
    expect(built.problems.pathLength).toMatchObject({ code: "PATH_LENGTH_INVALID", details: { max: 1 } });
  });

  it("fail/an issuer with path length 0 cannot sign a CA", () => {
    const built = buildIssueRequest(form(0), analysis, ca({ path_length: 0 }), NOW);
    expect(built.problems.pathLength).toMatchObject({
      code: "PATH_LENGTH_INVALID",
      details: { issuerPathLength: 0 },
    });
  });

  it("ok/below the issuer's path length", () => {
    expect(buildIssueRequest(form(1), analysis, ca({ path_length: 2 }), NOW).body).toMatchObject({
      path_length: 1,
    });
  });
});

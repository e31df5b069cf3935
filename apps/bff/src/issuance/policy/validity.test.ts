import type { IssuedCertificateType, Validity } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { checkValidity } from "./validity";

const NOW = Date.UTC(2025, 0, 1);
const DAY = 24 * 60 * 60 * 1000;
const issuerFor = (days: number | null) => ({ not_after: days === null ? null : NOW + days * DAY });

describe("checkValidity", () => {
  it.each<[string, Validity, IssuedCertificateType, number | null, string]>([
    ["ok/1 year under a 10-year issuer", { type: "YEAR", value: 1 }, "ENTITY_CERT", 3650, "ok"],
    ["ok/issuer notAfter unknown", { type: "YEAR", value: 20 }, "ENTITY_CERT", null, "ok"],
    ["ok/exactly to the issuer's notAfter", { type: "DAY", value: 30 }, "ENTITY_CERT", 30, "ok"],
    ["fail/one day past the issuer", { type: "DAY", value: 31 }, "ENTITY_CERT", 30, "VALIDITY_BEYOND_ISSUER"],
    ["fail/21 years", { type: "YEAR", value: 21 }, "ENTITY_CERT", null, "VALIDITY_OUT_OF_RANGE"],
    [
      "fail/intermediate 21 years",
      { type: "YEAR", value: 21 },
      "INTERMEDIATE_CA",
      null,
      "VALIDITY_OUT_OF_RANGE",
    ],
    ["fail/value 0", { type: "HOUR", value: 0 }, "ENTITY_CERT", null, "VALIDITY_OUT_OF_RANGE"],
    [
      "fail/start 6 minutes ago",
      { type: "DAY", value: 1, start_from: NOW - 6 * 60 * 1000 },
      "ENTITY_CERT",
      null,
      "VALIDITY_START_IN_PAST",
    ],
    [
      "ok/start 4 minutes ago",
      { type: "DAY", value: 1, start_from: NOW - 4 * 60 * 1000 },
      "ENTITY_CERT",
      null,
      "ok",
    ],
    [
      "fail/start late pushes past issuer",
      { type: "DAY", value: 10, start_from: NOW + 25 * DAY },
      "ENTITY_CERT",
      30,
      "VALIDITY_BEYOND_ISSUER",
    ],
  ])("%s", (_name, validity, kind, issuerDays, want) => {
    const result = checkValidity({ validity, kind, issuer: issuerFor(issuerDays), now: NOW });
    expect(result.ok ? "ok" : result.error.code).toBe(want);
  });

  it("returns the window CCM will use", () => {
    const result = checkValidity({
      validity: { type: "DAY", value: 2 },
      kind: "ENTITY_CERT",
      issuer: issuerFor(null),
      now: NOW,
    });
    expect(result).toEqual({ ok: true, value: { notBefore: NOW, notAfter: NOW + 2 * DAY } });
  });
});

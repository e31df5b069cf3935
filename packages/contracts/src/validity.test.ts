import { describe, expect, it } from "vitest";
import { CCM_LIMITS } from "./limits";
import { computeValidity, maxValidityValue, VALIDITY_UNIT_MS } from "./validity";

const NOW = Date.UTC(2026, 10, 25, 0, 0, 0);
const DAY = 86_400_000;

describe("computeValidity", () => {
  it("counts MONTH as 31 days and YEAR as 12 such months", () => {
    expect(VALIDITY_UNIT_MS.MONTH).toBe(31 * DAY);
    expect(VALIDITY_UNIT_MS.YEAR).toBe(372 * DAY);
    const r = computeValidity({ type: "YEAR", value: 1 }, { kind: "ENTITY_CERT", now: NOW });
    expect(r).toEqual({ ok: true, value: { notBefore: NOW, notAfter: NOW + 372 * DAY } });
  });

  it.each([
    ["HOUR", 3, 3 * 3_600_000],
    ["DAY", 90, 90 * DAY],
    ["MONTH", 2, 62 * DAY],
  ] as const)("%s × %i", (type, value, ms) => {
    const r = computeValidity({ type, value }, { kind: "ENTITY_CERT", now: NOW });
    expect(r.ok && r.value.notAfter - r.value.notBefore).toBe(ms);
  });

  it.each([
    ["ENTITY_CERT", "YEAR", 20],
    ["INTERMEDIATE_CA", "YEAR", 20],
    ["ROOT", "YEAR", 30],
    ["ENTITY_CERT", "MONTH", 240],
    ["ENTITY_CERT", "DAY", 7440],
    ["ENTITY_CERT", "HOUR", 178560],
    ["ROOT", "MONTH", 360],
  ] as const)("%s: %s at most %i — at the limit passes, one past fails", (kind, type, max) => {
    expect(maxValidityValue(type, kind)).toBe(max);
    expect(computeValidity({ type, value: max }, { kind, now: NOW }).ok).toBe(true);
    const past = computeValidity({ type, value: max + 1 }, { kind, now: NOW });
    expect(past.ok ? "ok" : past.error.code).toBe("VALIDITY_OUT_OF_RANGE");
  });

  it("refuses a value under 1", () => {
    const r = computeValidity({ type: "DAY", value: 0 }, { kind: "ENTITY_CERT", now: NOW });
    expect(r.ok ? "ok" : r.error.code).toBe("VALIDITY_OUT_OF_RANGE");
  });

  it("start_from must be strictly later than now − 5 min", () => {
    const edge = NOW - CCM_LIMITS.startFromToleranceMs;
    const atEdge = computeValidity(
      { type: "DAY", value: 1, start_from: edge },
      { kind: "ENTITY_CERT", now: NOW },
    );
    expect(atEdge.ok ? "ok" : atEdge.error.code).toBe("VALIDITY_START_IN_PAST");
    const justAfter = computeValidity(
      { type: "DAY", value: 1, start_from: edge + 1 },
      { kind: "ENTITY_CERT", now: NOW },
    );
    expect(justAfter).toEqual({ ok: true, value: { notBefore: edge + 1, notAfter: edge + 1 + DAY } });
  });

  it("a future start moves the whole window", () => {
    const start = NOW + 7 * DAY;
    const r = computeValidity(
      { type: "DAY", value: 30, start_from: start },
      { kind: "ENTITY_CERT", now: NOW },
    );
    expect(r).toEqual({ ok: true, value: { notBefore: start, notAfter: start + 30 * DAY } });
  });

  it("a certificate may end exactly when its issuer does, not a millisecond later", () => {
    const issuerNotAfter = NOW + 10 * DAY;
    expect(
      computeValidity({ type: "DAY", value: 10 }, { kind: "ENTITY_CERT", now: NOW, issuerNotAfter }).ok,
    ).toBe(true);
    const r = computeValidity(
      { type: "DAY", value: 10, start_from: NOW + 1 },
      { kind: "ENTITY_CERT", now: NOW, issuerNotAfter },
    );
    expect(r.ok ? "ok" : r.error.code).toBe("VALIDITY_BEYOND_ISSUER");
  });
});

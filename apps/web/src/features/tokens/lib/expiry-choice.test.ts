import { describe, expect, it } from "vitest";
import { EXPIRY_DAYS_LIMITS, expiresAt, expiryDays } from "./expiry-choice";

describe("expiryDays", () => {
  it("ok/the limits are the contract's", () => {
    expect(EXPIRY_DAYS_LIMITS).toEqual({ min: 1, max: 3650 });
  });

  it.each([
    ["ok/a preset", "90", "", { ok: true, days: 90 }],
    ["ok/no expiry sends no field", "never", "12", { ok: true, days: undefined }],
    ["ok/custom 1", "custom", "1", { ok: true, days: 1 }],
    ["ok/custom 3650 with spaces", "custom", " 3650 ", { ok: true, days: 3650 }],
    ["fail/custom 0", "custom", "0", { ok: false }],
    ["fail/custom 3651", "custom", "3651", { ok: false }],
    ["fail/custom fraction", "custom", "1.5", { ok: false }],
    ["fail/custom empty", "custom", "", { ok: false }],
    ["fail/custom negative", "custom", "-3", { ok: false }],
  ] as const)("%s", (_name, choice, text, expected) => {
    expect(expiryDays(choice, text)).toEqual(expected);
  });
});

describe("expiresAt", () => {
  it("ok/now plus whole days, or null for no expiry", () => {
    expect(expiresAt(1000, 2)).toBe(1000 + 2 * 86_400_000);
    expect(expiresAt(1000, undefined)).toBeNull();
  });
});

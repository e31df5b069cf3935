import { describe, expect, it } from "vitest";
import { EXPIRY_SOON_MS, expiryState } from "./expiry";
import { colonHex, formatUtc } from "./format";
import { fromLocalInput, toLocalInput } from "./local-input";

describe("format", () => {
  it("formatUtc is unambiguous", () => {
    expect(formatUtc(Date.UTC(2025, 2, 1, 14, 2, 9))).toBe("2025-03-01 14:02:09 UTC");
  });
  it("colonHex groups bytes", () => {
    expect(colonHex("0a1b2c")).toBe("0A:1B:2C");
  });
  it("local input round-trips to the minute", () => {
    const ms = new Date(2026, 4, 6, 7, 8).getTime();
    expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
    expect(fromLocalInput("")).toBeUndefined();
    expect(fromLocalInput("tomorrow")).toBeUndefined();
  });
});

describe("expiryState", () => {
  const now = 1_000_000_000_000;
  it.each([
    ["unknown", null, "unknown"],
    ["expired", now - 1, "expired"],
    ["soon", now + EXPIRY_SOON_MS, "soon"],
    ["ok", now + EXPIRY_SOON_MS + 1, "ok"],
  ] as const)("%s", (_name, notAfter, expected) => {
    expect(expiryState(notAfter, now)).toBe(expected);
  });
});

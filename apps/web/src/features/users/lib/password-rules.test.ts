import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_LIMITS, passwordAcceptable } from "./password-rules";

describe("checkPassword", () => {
  it("ok/the limits are the contract's (12-256)", () => {
    expect(PASSWORD_LIMITS).toEqual({ min: 12, max: 256 });
  });

  it.each([
    ["fail/empty", "", "", { length: false, match: false }],
    ["fail/one short", "a".repeat(11), "a".repeat(11), { length: false, match: true }],
    ["ok/exactly the minimum", "a".repeat(12), "a".repeat(12), { length: true, match: true }],
    ["fail/confirmation differs", "a".repeat(12), "a".repeat(11), { length: true, match: false }],
    ["ok/the maximum", "b".repeat(256), "b".repeat(256), { length: true, match: true }],
    ["fail/one too long", "b".repeat(257), "b".repeat(257), { length: false, match: true }],
    [
      "ok/spaces are kept, never trimmed",
      " correct horse ",
      " correct horse ",
      { length: true, match: true },
    ],
  ])("%s", (_name, password, confirmation, expected) => {
    const checks = checkPassword(password, confirmation);
    expect(checks).toEqual(expected);
    expect(passwordAcceptable(checks)).toBe(expected.length && expected.match);
  });
});

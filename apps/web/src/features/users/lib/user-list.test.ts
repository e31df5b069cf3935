import { type User, UserSchema } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { filterUsers, isDemotion, isLastEnabledAdmin, UserFilterSchema } from "./user-list";

const user = (username: string, role: User["role"], disabled = false): User =>
  UserSchema.parse({ username, role, disabled, createdAt: 1, updatedAt: 1, lastLoginAt: null });

const users = [
  user("admin", "admin"),
  user("old-admin", "admin", true),
  user("ivy", "issuer"),
  user("vic", "viewer", true),
];

describe("filterUsers", () => {
  it.each([
    ["ok/no filter keeps everyone", {}, ["admin", "old-admin", "ivy", "vic"]],
    ["ok/by role", { role: "admin" }, ["admin", "old-admin"]],
    ["ok/disabled only", { state: "disabled" }, ["old-admin", "vic"]],
    ["ok/enabled admins", { role: "admin", state: "enabled" }, ["admin"]],
  ] as const)("%s", (_name, filter, expected) => {
    expect(filterUsers(users, UserFilterSchema.parse(filter)).map((u) => u.username)).toEqual(expected);
  });

  it("fail/an unknown state in the URL is refused by the schema", () => {
    expect(UserFilterSchema.safeParse({ state: "locked" }).success).toBe(false);
  });
});

describe("isLastEnabledAdmin", () => {
  it("ok/the one enabled admin is the last one; a disabled admin does not count", () => {
    expect(isLastEnabledAdmin(users[0] as User, users)).toBe(true);
    expect(isLastEnabledAdmin(users[1] as User, users)).toBe(false);
    expect(isLastEnabledAdmin(users[2] as User, users)).toBe(false);
  });

  it("ok/with two enabled admins neither is the last", () => {
    const two = [...users, user("second", "admin")];
    expect(isLastEnabledAdmin(two[0] as User, two)).toBe(false);
  });
});

describe("isDemotion", () => {
  it.each([
    ["admin", "issuer", true],
    ["issuer", "viewer", true],
    ["viewer", "admin", false],
    ["issuer", "issuer", false],
  ] as const)("%s → %s: %s", (from, to, expected) => {
    expect(isDemotion(from, to)).toBe(expected);
  });
});

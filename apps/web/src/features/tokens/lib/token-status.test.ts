import { type ApiToken, ApiTokenSchema } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { filterTokens, TokenFilterSchema, tokenStatus } from "./token-status";

const NOW = Date.UTC(2026, 0, 15);
const token = (id: string, patch: Partial<ApiToken> = {}): ApiToken =>
  ApiTokenSchema.parse({
    id,
    name: id,
    role: "viewer",
    owner: "admin",
    createdAt: NOW - 1000,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...patch,
  });

describe("tokenStatus", () => {
  it.each([
    ["ok/no expiry is active", token("a"), "active"],
    ["ok/expiry ahead is active", token("b", { expiresAt: NOW + 1 }), "active"],
    ["ok/expiry reached is expired", token("c", { expiresAt: NOW }), "expired"],
    ["ok/revoked", token("d", { revokedAt: NOW - 1 }), "revoked"],
    ["ok/revoked wins over expired", token("e", { revokedAt: NOW - 1, expiresAt: NOW - 5 }), "revoked"],
  ])("%s", (_name, t, expected) => {
    expect(tokenStatus(t, NOW)).toBe(expected);
  });
});

describe("filterTokens", () => {
  const tokens = [
    token("live", { role: "admin" }),
    token("old", { expiresAt: NOW - 1 }),
    token("gone", { revokedAt: NOW - 1, role: "admin" }),
  ];
  it.each([
    ["ok/no filter", {}, ["live", "old", "gone"]],
    ["ok/active only", { status: "active" }, ["live"]],
    ["ok/admin tokens", { role: "admin" }, ["live", "gone"]],
    ["ok/revoked admin tokens", { status: "revoked", role: "admin" }, ["gone"]],
  ] as const)("%s", (_name, filter, expected) => {
    expect(filterTokens(tokens, TokenFilterSchema.parse(filter), NOW).map((t) => t.id)).toEqual(expected);
  });
});

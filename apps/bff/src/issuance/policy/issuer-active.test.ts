import { CA_STATUSES, type CaStatus } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { checkIssuerActive } from "./issuer-active";

describe("checkIssuerActive", () => {
  const cases: [string, CaStatus, string][] = CA_STATUSES.map((status) => [
    status === "ACTIVED" ? `ok/${status}` : `fail/${status}`,
    status,
    status === "ACTIVED" ? "ok" : "ISSUER_NOT_ACTIVE",
  ]);
  it.each(cases)("%s", (_name, status, want) => {
    const result = checkIssuerActive({ status });
    expect(result.ok ? "ok" : result.error.code).toBe(want);
    if (!result.ok) expect(result.error.message).toContain(status);
  });
});

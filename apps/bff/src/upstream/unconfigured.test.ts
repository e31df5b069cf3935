import { CCM_OPERATION_NAMES, ccmMethodName } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { unconfiguredUpstream } from "./unconfigured";

describe("unconfiguredUpstream", () => {
  it("fail/every operation of the table answers NOT_READY", async () => {
    const { ccm } = unconfiguredUpstream();
    const methods = ccm as unknown as Record<string, () => Promise<unknown>>;
    for (const name of CCM_OPERATION_NAMES) {
      expect(await methods[ccmMethodName(name)]?.()).toMatchObject({
        ok: false,
        error: { code: "NOT_READY" },
      });
    }
  });

  it("ok/readiness is what the caller says, by default not ready and unconfigured", async () => {
    expect(await unconfiguredUpstream().ready()).toEqual({ ok: false, mode: "unconfigured" });
    const test = unconfiguredUpstream({ ok: true, mode: "test" });
    expect([test.mode, await test.ready()]).toEqual(["test", { ok: true, mode: "test" }]);
  });
});

import type { CertificateAuthority } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import type { UpstreamResult } from "../upstream/port";
import { createIssuerCache } from "./issuer-cache";

type Answer = UpstreamResult<CertificateAuthority>;

const ca = (id: string, status: string) => ({ ca_id: id, status }) as unknown as CertificateAuthority;

/** A CCM whose ShowCertificateAuthority answers from `answers` in order and counts its calls. */
function fakeCcm(answers: Array<Answer | Error>) {
  const calls: string[] = [];
  return {
    calls,
    showCertificateAuthority: async (caId: string): Promise<Answer> => {
      calls.push(caId);
      const next = answers.shift();
      if (next === undefined) throw new Error("no answer left");
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const ok = (id: string, status = "ACTIVED"): Answer => ({ ok: true, value: ca(id, status), requestId: "r" });
const failure: Answer = { ok: false, error: { code: "UPSTREAM_ERROR", message: "CCM answered 503" } };
const settle = () => new Promise((r) => setImmediate(r));

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createIssuerCache", () => {
  it("reuses an ACTIVED CA's read until the entry is ttl old, then reads CCM again", async () => {
    const c = clock();
    const cache = createIssuerCache({ ttlMs: 5000, now: c.now });
    const ccm = fakeCcm([ok("a"), ok("a")]);
    expect(await cache.show(ccm, "a")).toEqual(ok("a"));
    c.advance(4999);
    expect(await cache.show(ccm, "a")).toEqual(ok("a"));
    expect(ccm.calls).toEqual(["a"]);
    c.advance(1);
    await cache.show(ccm, "a");
    expect(ccm.calls).toEqual(["a", "a"]);
  });

  it("keeps one entry per CA", async () => {
    const cache = createIssuerCache({ ttlMs: 5000, now: clock().now });
    const ccm = fakeCcm([ok("a"), ok("b")]);
    const a = await cache.show(ccm, "a");
    const b = await cache.show(ccm, "b");
    expect(a.ok && a.value.ca_id).toBe("a");
    expect(b.ok && b.value.ca_id).toBe("b");
    await cache.show(ccm, "a");
    await cache.show(ccm, "b");
    expect(ccm.calls).toEqual(["a", "b"]);
  });

  it("shares one CCM call between concurrent readers of one CA", async () => {
    const cache = createIssuerCache({ ttlMs: 5000, now: clock().now });
    const ccm = fakeCcm([ok("a")]);
    const all = await Promise.all(Array.from({ length: 8 }, () => cache.show(ccm, "a")));
    expect(all.every((x) => x.ok)).toBe(true);
    expect(ccm.calls).toHaveLength(1);
  });

  it("does not keep a failed read, a rejected call or a CA that is not ACTIVED", async () => {
    const cache = createIssuerCache({ ttlMs: 5000, now: clock().now });
    const ccm = fakeCcm([failure, new Error("socket hang up"), ok("a", "DISABLED"), ok("a"), ok("a")]);
    expect(await cache.show(ccm, "a")).toEqual(failure);
    await settle();
    await expect(cache.show(ccm, "a")).rejects.toThrow("socket hang up");
    await settle();
    expect(await cache.show(ccm, "a")).toEqual(ok("a", "DISABLED"));
    await settle();
    expect(await cache.show(ccm, "a")).toEqual(ok("a"));
    await settle();
    expect(await cache.show(ccm, "a")).toEqual(ok("a"));
    expect(ccm.calls).toHaveLength(4);
  });

  it("forget drops the entry so the next issuance reads CCM", async () => {
    const cache = createIssuerCache({ ttlMs: 5000, now: clock().now });
    const ccm = fakeCcm([ok("a"), ok("a", "DISABLED")]);
    await cache.show(ccm, "a");
    cache.forget("a");
    expect(await cache.show(ccm, "a")).toEqual(ok("a", "DISABLED"));
    expect(ccm.calls).toHaveLength(2);
  });

  it("reads CCM every time when ttl is 0", async () => {
    const cache = createIssuerCache({ ttlMs: 0, now: clock().now });
    const ccm = fakeCcm([ok("a"), ok("a"), ok("a")]);
    for (let i = 0; i < 3; i++) await cache.show(ccm, "a");
    expect(ccm.calls).toHaveLength(3);
  });

  it("holds at most maxEntries CAs, dropping the oldest", async () => {
    const cache = createIssuerCache({ ttlMs: 5000, now: clock().now, maxEntries: 2 });
    const ccm = fakeCcm([ok("a"), ok("b"), ok("c"), ok("a")]);
    for (const id of ["a", "b", "c"]) await cache.show(ccm, id);
    await cache.show(ccm, "c");
    await cache.show(ccm, "b");
    await cache.show(ccm, "a");
    expect(ccm.calls).toEqual(["a", "b", "c", "a"]);
  });
});

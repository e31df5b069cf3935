import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStorage } from "../storage/storage";
import { createTestStorage, type TestStorage, testEngines } from "../storage/testing/test-storage";
import { type IdempotencyStore, requestHash, runIdempotent } from "./idempotency";
import { createDbIdempotencyStore } from "./idempotency-store";

let storage: TestStorage;
let store: IdempotencyStore;
const NOW = 1_700_000_000_000;
const scope = (key: string, body: unknown = { a: 1 }, actor = "alice") => ({
  actor,
  key,
  requestHash: requestHash(body),
});

describe("requestHash", () => {
  it("ignores key order and undefined members", () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: "x" } })).toBe(
      requestHash({ b: { d: "x", c: [1, 2] }, a: 1 }),
    );
    expect(requestHash({ a: 1, z: undefined })).toBe(requestHash({ a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

describe.each(testEngines())("on %s", (engine) => {
  beforeEach(async () => {
    storage = await createTestStorage(engine);
    store = createDbIdempotencyStore(storage.kysely, 1000);
  });
  afterEach(() => storage.close());

  describe("the database idempotency store", () => {
    it("claims a new key once; a second claim sees it in flight; another body is a mismatch", async () => {
      expect(await store.claim(scope("k1"), NOW)).toEqual({ kind: "claimed" });
      expect(await store.claim(scope("k1"), NOW)).toEqual({ kind: "in-flight" });
      expect(await store.claim(scope("k1", { a: 2 }), NOW)).toEqual({ kind: "mismatch" });
    });

    it("replays the stored answer after completion", async () => {
      await store.claim(scope("k2"), NOW);
      await store.complete(scope("k2"), { status: 201, body: { certificate_id: "x" } }, NOW);
      expect(await store.claim(scope("k2"), NOW)).toEqual({
        kind: "replay",
        answer: { status: 201, body: { certificate_id: "x" } },
      });
    });

    it("scopes keys per actor", async () => {
      await store.claim(scope("k3"), NOW);
      expect(await store.claim(scope("k3", { a: 1 }, "bob"), NOW)).toEqual({ kind: "claimed" });
    });

    it("lets a released key be claimed again", async () => {
      await store.claim(scope("k4"), NOW);
      await store.release(scope("k4"));
      expect(await store.claim(scope("k4"), NOW)).toEqual({ kind: "claimed" });
    });

    it("forgets a key after its time to live", async () => {
      await store.claim(scope("k5"), NOW);
      await store.complete(scope("k5"), { status: 200, body: {} }, NOW);
      expect(await store.claim(scope("k5", { other: true }), NOW + 1001)).toEqual({ kind: "claimed" });
    });

    it("gives exactly one of many concurrent claims", async () => {
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(scope("k6"), NOW)));
      expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
    });
  });

  describe("runIdempotent", () => {
    it("runs once, then replays; refuses in-flight and reused keys with their codes", async () => {
      let runs = 0;
      let release: () => void = () => {};
      let started: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const running = new Promise<void>((r) => {
        started = r;
      });
      const first = runIdempotent(
        store,
        scope("r1"),
        () => NOW,
        async () => {
          runs++;
          started();
          await gate;
          return { answer: { status: 200, body: { n: runs } }, final: true };
        },
      );
      await running;
      const during = await runIdempotent(
        store,
        scope("r1"),
        () => NOW,
        async () => {
          runs++;
          return { answer: { status: 200, body: {} }, final: true };
        },
      );
      expect(during).toMatchObject({ kind: "refused", error: { code: "IDEMPOTENCY_KEY_IN_USE" } });
      release();
      expect(await first).toEqual({
        kind: "answer",
        answer: { status: 200, body: { n: 1 } },
        replayed: false,
      });
      const again = await runIdempotent(
        store,
        scope("r1"),
        () => NOW,
        async () => {
          runs++;
          return { answer: { status: 500, body: {} }, final: true };
        },
      );
      expect(again).toEqual({ kind: "answer", answer: { status: 200, body: { n: 1 } }, replayed: true });
      const reused = await runIdempotent(
        store,
        scope("r1", { a: 9 }),
        () => NOW,
        async () => {
          runs++;
          return { answer: { status: 200, body: {} }, final: true };
        },
      );
      expect(reused).toMatchObject({ kind: "refused", error: { code: "IDEMPOTENCY_KEY_REUSED" } });
      expect(runs).toBe(1);
    });

    it("keeps the answer when the store fails after the run", async () => {
      const failing: IdempotencyStore = {
        claim: (sc, at) => store.claim(sc, at),
        complete: () => Promise.reject(new Error("database gone")),
        release: () => Promise.reject(new Error("database gone")),
      };
      const errors: unknown[] = [];
      const done = await runIdempotent(
        failing,
        scope("r4"),
        () => NOW,
        async () => ({ answer: { status: 201, body: { id: 1 } }, final: true }),
        (e) => errors.push(e),
      );
      expect(done).toEqual({ kind: "answer", answer: { status: 201, body: { id: 1 } }, replayed: false });
      expect(errors).toHaveLength(1);
      expect(await store.claim(scope("r4"), NOW)).toEqual({ kind: "in-flight" });
    });

    it("releases the key when the answer is not final or the run throws", async () => {
      await runIdempotent(
        store,
        scope("r2"),
        () => NOW,
        async () => ({
          answer: { status: 503, body: {} },
          final: false,
        }),
      );
      expect(await store.claim(scope("r2"), NOW)).toEqual({ kind: "claimed" });
      await expect(
        runIdempotent(
          store,
          scope("r3"),
          () => NOW,
          async () => {
            throw new Error("boom");
          },
        ),
      ).rejects.toThrow("boom");
      expect(await store.claim(scope("r3"), NOW)).toEqual({ kind: "claimed" });
    });
  });

  describe("two replicas on one database", () => {
    it("give exactly one claim of a key sent to both at once", async () => {
      const second = await openStorage({ databaseUrl: storage.url, dataDir: storage.dataDir, poolSize: 5 });
      try {
        const other = createDbIdempotencyStore(second.kysely, 1000);
        const claims = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? store : other).claim(scope("both"), NOW)),
        );
        expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
        await store.complete(scope("both"), { status: 201, body: { id: 1 } }, NOW);
        expect(await other.claim(scope("both"), NOW)).toMatchObject({ kind: "replay" });
      } finally {
        await second.close();
      }
    });
  });
});

import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { NewAuditEvent } from "../core/audit-port";
import { openStorage } from "../storage/storage";
import { createTestStorage, type TestStorage, testEngines } from "../storage/testing/test-storage";
import { createAuditService } from "./audit-log";
import { GENESIS_HASH } from "./chain-hash";

const clock = { now: () => 1_767_225_600_000 };
const event = (n: number): NewAuditEvent => ({
  actor: `user${n % 3}`,
  role: "admin",
  action: "user.create",
  target: `t${n}`,
  outcome: "success",
  requestId: `req-${n}`,
  details: { n, nested: { b: 1, a: [2, 1] } },
});

async function dropAppendOnlyTriggers(storage: TestStorage) {
  if (storage.dialect === "postgres") {
    await sql`drop trigger audit_events_no_change on audit_events`.execute(storage.kysely);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(storage.kysely);
    await sql`drop trigger audit_events_no_delete`.execute(storage.kysely);
  }
}

describe.each(testEngines())("audit log on %s", (engine) => {
  let storage: TestStorage;
  afterEach(async () => storage.close());

  it("ok/chains events from the genesis hash and verifies", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    const first = await audit.append(event(1));
    const second = await audit.append(event(2));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, details: { n: 1 } });
    expect(second.prevHash).toBe(first.hash);
    expect(await audit.verify()).toEqual({ ok: true, checked: 2, firstBrokenSeq: null, reason: null });
  });

  it("ok/keeps one valid chain under 100 concurrent appends", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    const events = await Promise.all(Array.from({ length: 100 }, (_, i) => audit.append(event(i))));
    expect(new Set(events.map((e) => e.seq)).size).toBe(100);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 100 });
  });

  // Replicas need PostgreSQL. (Two better-sqlite3 connections in one thread cannot show SQLite's
  // cross-process locking: the waiting one blocks the thread the holder needs to commit.)
  it.runIf(engine === "postgres")("ok/keeps one chain when two replicas append at once", async () => {
    storage = await createTestStorage(engine);
    const other = await openStorage({ databaseUrl: storage.url, dataDir: storage.dataDir, poolSize: 5 });
    try {
      const a = createAuditService(storage, clock);
      const b = createAuditService(other, clock);
      await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).append(event(i))));
      expect(await a.verify()).toMatchObject({ ok: true, checked: 60 });
    } finally {
      await other.close();
    }
  });

  it("ok/the engine's own append path writes the chain the guarded path writes", async () => {
    storage = await createTestStorage(engine);
    const other = await createTestStorage(engine);
    try {
      const fast = createAuditService(storage, clock);
      const guarded = createAuditService(other, clock);
      for (let i = 1; i <= 4; i++) {
        expect(await fast.append(event(i))).toEqual(await guarded.appendUnless(event(i), async () => false));
      }
    } finally {
      await other.close();
    }
  });

  it("ok/appends stay one chain and outside other transactions, however they interleave", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    const pause = (ms = 2) => new Promise((resolve) => setTimeout(resolve, ms));
    // Guarded appends whose check awaits, and transactions that roll back, while plain appends run.
    const guarded = Array.from({ length: 10 }, (_, i) =>
      audit.appendUnless(event(100 + i), async (locked) => {
        await pause();
        await locked.selectFrom("audit_events").select("seq").limit(1).execute();
        return i % 2 === 1;
      }),
    );
    const rolledBack = Array.from({ length: 5 }, () =>
      storage.kysely
        .transaction()
        .execute(async (trx) => {
          await trx.selectFrom("audit_head").selectAll().execute();
          await pause(10);
          throw new Error("rolled back on purpose");
        })
        .catch(() => "rolled back"),
    );
    const plain = Array.from({ length: 40 }, async (_, i) => {
      await pause(i % 8);
      return audit.append(event(i));
    });
    const written = await Promise.all(guarded);
    await Promise.all([...rolledBack, ...plain]);
    expect(written.filter((e) => e !== null)).toHaveLength(5);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 45 });
  });

  it("ok/a chain stored by an earlier version keeps verifying and growing", async () => {
    storage = await createTestStorage(engine);
    // Rows as an earlier version wrote them, hashes included (pca-audit-v1): its details text put
    // array-index member names first and wrote a lone surrogate as its escape.
    const first = {
      seq: 1,
      time: 1_767_225_600_000,
      actor: "admin",
      role: "admin",
      action: "user.create",
      target: "sam",
      outcome: "success",
      request_id: "req-1",
      upstream_request_id: null,
      details: '{"role":"issuer"}',
      prev_hash: GENESIS_HASH,
      hash: "9e5da54bab022f39d4ece9588cc88ca0106946e3c491b466371fb13b685afede",
    };
    const second = {
      seq: 2,
      time: 1_767_225_601_000,
      actor: "sam",
      role: "issuer",
      action: "certificate.issue.requested",
      target: "ca-1",
      outcome: "success",
      request_id: "req-2",
      upstream_request_id: "up-2",
      details: '{"9":0,"10":0,"attempt":"a-1","subject":"CN=é\\ud800"}',
      prev_hash: first.hash,
      hash: "8e3b7d6b0aee066ce9ca1350df1df947aa3976e41be7545194efe02846328722",
    };
    await storage.kysely.insertInto("audit_events").values([first, second]).execute();
    await storage.kysely
      .updateTable("audit_head")
      .set({ seq: 2, hash: second.hash })
      .where("id", "=", 1)
      .execute();
    const audit = createAuditService(storage, clock);
    expect(await audit.verify()).toEqual({ ok: true, checked: 2, firstBrokenSeq: null, reason: null });
    const third = await audit.append(event(3));
    expect(third.prevHash).toBe(second.hash);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 3 });
    const stored = (await audit.query({})).events.filter((e) => e.seq <= 2);
    expect(stored.map((e) => e.details)).toEqual([
      { 9: 0, 10: 0, attempt: "a-1", subject: "CN=é\ud800" },
      { role: "issuer" },
    ]);
  });

  it("fail/the database refuses updates and deletes of events", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    await audit.append(event(1));
    await expect(storage.kysely.updateTable("audit_events").set({ actor: "x" }).execute()).rejects.toThrow();
    await expect(storage.kysely.deleteFrom("audit_events").execute()).rejects.toThrow();
  });

  it("fail/names the first changed event", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    for (let i = 1; i <= 5; i++) await audit.append(event(i));
    await dropAppendOnlyTriggers(storage);
    await storage.kysely.updateTable("audit_events").set({ actor: "mallory" }).where("seq", "=", 3).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3 });
  });

  it("fail/names a deleted event, in the middle or at the end", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    for (let i = 1; i <= 5; i++) await audit.append(event(i));
    await dropAppendOnlyTriggers(storage);
    await storage.kysely.deleteFrom("audit_events").where("seq", "=", 5).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    await storage.kysely.deleteFrom("audit_events").where("seq", "=", 2).execute();
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: "Event 2 is missing.",
    });
  });

  it("fail/append rejects with AUDIT_UNAVAILABLE when it cannot write", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, clock);
    await sql`drop table audit_head`.execute(storage.kysely);
    await expect(audit.append(event(1))).rejects.toMatchObject({ failure: { code: "AUDIT_UNAVAILABLE" } });
  });

  it("ok/queries with filters and paging, newest first; streams oldest first", async () => {
    storage = await createTestStorage(engine);
    let t = 1000;
    const audit = createAuditService(storage, { now: () => t++ });
    for (let i = 0; i < 9; i++) await audit.append(event(i));
    const page = await audit.query({ actor: "user0", limit: 2 });
    expect(page.total).toBe(3);
    expect(page.events.map((e) => e.target)).toEqual(["t6", "t3"]);
    expect((await audit.query({ from: 1003, to: 1004 })).total).toBe(2);
    const all = await audit.query({ limit: 3, offset: 2 });
    expect(all.total).toBe(9);
    expect(all.events.map((e) => e.seq)).toEqual([7, 6, 5]);
    const streamed = [];
    for await (const e of audit.stream({ actor: "user1" }, 2)) streamed.push(e.target);
    expect(streamed).toEqual(["t1", "t4", "t7"]);
  });
});

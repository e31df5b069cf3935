import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { preparedStatementNames, withStatementCache } from "./storage";
import { createTestStorage, testEngines } from "./testing/test-storage";

describe.each(testEngines())("storage on %s", (engine) => {
  it("migrates, answers a ping and reads bigints back as numbers", async () => {
    const storage = await createTestStorage(engine);
    try {
      expect(storage.dialect).toBe(engine);
      await storage.ping();
      const head = await storage.kysely.selectFrom("audit_head").selectAll().executeTakeFirstOrThrow();
      expect(head).toEqual({ id: 1, seq: 0, hash: "0".repeat(64) });
      const t = 1_767_225_600_123;
      await storage.kysely
        .insertInto("users")
        .values({
          username: "u",
          role: "viewer",
          password_hash: "x",
          disabled: 0,
          created_at: t,
          updated_at: t,
          last_login_at: null,
        })
        .execute();
      const row = await storage.kysely.selectFrom("users").selectAll().executeTakeFirstOrThrow();
      expect(row.created_at).toBe(t);
      const tables = await sql<{ n: number }>`select count(*) as n from users`.execute(storage.kysely);
      expect(Number(tables.rows[0]?.n)).toBe(1);
    } finally {
      await storage.close();
    }
  });

  it("migrates twice without harm (a second replica starting)", async () => {
    const storage = await createTestStorage(engine);
    try {
      const { migrateToLatest } = await import("./migrate");
      await migrateToLatest(storage.kysely);
      await storage.ping();
    } finally {
      await storage.close();
    }
  });
});

describe("withStatementCache", () => {
  it("prepares each SQL text once and keeps at most `max` statements", async () => {
    const { default: SqliteDatabase } = await import("better-sqlite3");
    const file = new SqliteDatabase(":memory:");
    const cached = withStatementCache(file, 2);
    const a = cached.prepare("select 1 as one");
    expect(cached.prepare("select 1 as one")).toBe(a);
    expect(a.get()).toEqual({ one: 1 });
    cached.prepare("select 2 as two");
    cached.prepare("select 3 as three");
    expect(cached.prepare("select 1 as one")).not.toBe(a);
    cached.close();
    expect(file.open).toBe(false);
  });
});

describe("preparedStatementNames", () => {
  it("names a text from its second use, always with the same name, and at most `max` texts", () => {
    const nameOf = preparedStatementNames(2);
    expect(nameOf("select 1")).toBeUndefined();
    const first = nameOf("select 1");
    expect(first).toMatch(/^pca_[0-9a-f]{24}$/);
    expect(nameOf("select 1")).toBe(first);
    for (const text of ["select 2", "select 2", "select 3", "select 3"]) nameOf(text);
    expect(nameOf("select 2")).toMatch(/^pca_/);
    expect(nameOf("select 3")).toBeUndefined();
    expect(preparedStatementNames()("select 1")).toBeUndefined();
    const again = preparedStatementNames();
    again("select 1");
    expect(again("select 1")).toBe(first);
  });
});

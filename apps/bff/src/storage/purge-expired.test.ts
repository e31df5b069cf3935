import { afterEach, describe, expect, it } from "vitest";
import { ApiTokenStore } from "../auth/api-tokens";
import { LoginThrottle } from "../auth/login-throttle";
import { SessionStore } from "../auth/sessions";
import { UserStore } from "../auth/users";
import { purgeExpired } from "./purge-expired";
import { createTestStorage, type TestStorage, testEngines } from "./testing/test-storage";

const MINUTE = 60_000;

describe.each(testEngines())("purgeExpired on %s", (engine) => {
  let storage: TestStorage;
  afterEach(() => storage.close());

  it("ok/removes expired sessions, finished expired idempotency keys and stale login counters only", async () => {
    storage = await createTestStorage(engine);
    let now = 1_000_000;
    const clock = { now: () => now };
    await new UserStore(storage.kysely, clock).create("u", "a long enough password", "viewer");
    const sessions = new SessionStore(storage.kysely, clock, {
      idleMs: 30 * MINUTE,
      absoluteMs: 600 * MINUTE,
    });
    await sessions.create("u");
    const throttle = new LoginThrottle(storage.kysely, clock, {
      maxFailuresPerUser: 5,
      maxFailuresPerIp: 50,
      windowMs: 15 * MINUTE,
      lockoutMs: 15 * MINUTE,
    });
    await throttle.recordFailure("u", "127.0.0.1");
    const key = { actor: "u", request_hash: "h", status_code: 200, response_body: "{}", created_at: now };
    await storage.kysely
      .insertInto("idempotency_keys")
      .values([
        { ...key, key: "done-new", state: "done", expires_at: now + 48 * 60 * MINUTE },
        { ...key, key: "flight-old", state: "in_flight", expires_at: now + MINUTE },
      ])
      .execute();
    await new ApiTokenStore(storage.kysely, clock).create({ name: "t", role: "viewer", owner: "u" });
    now += 31 * MINUTE;
    expect(await purgeExpired(storage.kysely, clock, 15 * MINUTE)).toEqual({
      sessions: 0,
      idempotencyKeys: 0,
      loginAttempts: 2,
    });
    await storage.kysely
      .insertInto("idempotency_keys")
      .values({ ...key, key: "done-old", state: "done", expires_at: now })
      .execute();
    now += 24 * 60 * MINUTE;
    expect(await purgeExpired(storage.kysely, clock, 15 * MINUTE)).toEqual({
      sessions: 1,
      idempotencyKeys: 1,
      loginAttempts: 0,
    });
    const left = await storage.kysely.selectFrom("idempotency_keys").select("key").execute();
    expect(left.map((r) => r.key).sort()).toEqual(["done-new", "flight-old"]);
  });
});

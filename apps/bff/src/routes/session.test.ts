import { ApiErrorBodySchema, SessionInfoSchema } from "@pca/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../http/testing/client";
import { startTestApp, type TestApp } from "../http/testing/test-app";
import { testEngines } from "../storage/testing/test-storage";

const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;
const PASSWORD = "correct horse battery staple 1";
const MINUTE = 60_000;

describe.each(testEngines())("session routes on %s", (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine, {
      env: { LOGIN_MAX_FAILURES_PER_USER: "3", LOGIN_MAX_FAILURES_PER_IP: "6" },
    });
    await app.addUser("alice", PASSWORD, "issuer");
    await app.addUser("bob", PASSWORD, "viewer");
  });
  afterEach(() => app.close());

  it("ok/login sets a strict session cookie and answers the CSRF token; me and logout work", async () => {
    const client = new ApiClient(app.url);
    const res = await client.login("alice", PASSWORD);
    expect(res.status).toBe(200);
    const info = SessionInfoSchema.parse(res.json);
    expect(info.user).toEqual({ username: "alice", role: "issuer" });
    expect(info.absoluteExpiresAt - app.clock.now()).toBe(12 * 60 * MINUTE);
    expect(info.idleExpiresAt - app.clock.now()).toBe(30 * MINUTE);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^pca_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(res.headers.get("cache-control")).toBe("no-store");

    const me = await client.request("GET", "/api/session");
    expect(SessionInfoSchema.parse(me.json)).toMatchObject({
      user: { username: "alice" },
      csrfToken: info.csrfToken,
    });

    const out = await client.request("DELETE", "/api/session");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await client.request("GET", "/api/session");
    expect(after.status).toBe(401);
    expect(code(after.json)).toBe("UNAUTHENTICATED");

    const events = await app.deps.audit.query({ actor: "alice" });
    expect(events.events.map((e) => [e.action, e.outcome])).toEqual([
      ["session.logout", "success"],
      ["session.login", "success"],
    ]);
  });

  it("ok/the session id and the stored value differ (only a hash is stored)", async () => {
    const client = new ApiClient(app.url);
    await client.login("alice", PASSWORD);
    const rows = await app.storage.kysely.selectFrom("sessions").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).not.toContain(client.cookie ?? "?");
    expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fail/a state change with a session needs the CSRF header", async () => {
    const client = new ApiClient(app.url);
    await client.login("alice", PASSWORD);
    const missing = await client.request("DELETE", "/api/session", { noCsrf: true });
    expect(missing.status).toBe(403);
    expect(code(missing.json)).toBe("CSRF_FAILED");
    const wrong = await client.request("DELETE", "/api/session", {
      noCsrf: true,
      headers: { "x-csrf-token": "forged" },
    });
    expect(code(wrong.json)).toBe("CSRF_FAILED");
    expect((await client.request("GET", "/api/session")).status).toBe(200);
  });

  it("ok/login rotates the session: the old id stops working", async () => {
    const client = new ApiClient(app.url);
    await client.login("alice", PASSWORD);
    const first = client.cookie;
    await client.login("alice", PASSWORD);
    expect(client.cookie).not.toBe(first);
    const stale = new ApiClient(app.url);
    stale.cookie = first;
    expect(code((await stale.request("GET", "/api/session")).json)).toBe("UNAUTHENTICATED");
    expect(await app.storage.kysely.selectFrom("sessions").selectAll().execute()).toHaveLength(1);
  });

  it("fail/idle expiry ends a session not used for 30 minutes; use extends it", async () => {
    const client = new ApiClient(app.url);
    await client.login("alice", PASSWORD);
    app.clock.advance(20 * MINUTE);
    expect((await client.request("GET", "/api/session")).status).toBe(200);
    app.clock.advance(20 * MINUTE);
    expect((await client.request("GET", "/api/session")).status).toBe(200);
    app.clock.advance(31 * MINUTE);
    const res = await client.request("GET", "/api/session");
    expect(res.status).toBe(401);
    expect(code(res.json)).toBe("SESSION_EXPIRED");
  });

  it("fail/absolute expiry ends a session after 12 hours however busy", async () => {
    const client = new ApiClient(app.url);
    await client.login("alice", PASSWORD);
    for (let i = 0; i < 25; i++) {
      app.clock.advance(29 * MINUTE);
      const res = await client.request("GET", "/api/session");
      if (res.status !== 200) {
        expect(code(res.json)).toBe("SESSION_EXPIRED");
        expect(app.clock.now() - 1_767_225_600_000).toBeGreaterThanOrEqual(12 * 60 * MINUTE);
        return;
      }
    }
    throw new Error("the session outlived its absolute expiry");
  });

  it("fail/wrong password, unknown user and disabled user all answer INVALID_CREDENTIALS and are audited", async () => {
    const client = new ApiClient(app.url);
    await app.storage.kysely
      .updateTable("users")
      .set({ disabled: 1 })
      .where("username", "=", "bob")
      .execute();
    for (const [user, pass] of [
      ["alice", "wrong password!"],
      ["nobody", PASSWORD],
      ["bob", PASSWORD],
    ] as const) {
      const res = await client.login(user, pass);
      expect(res.status).toBe(401);
      expect(code(res.json)).toBe("INVALID_CREDENTIALS");
    }
    const failures = await app.deps.audit.query({ action: "session.login", outcome: "failure" });
    expect(failures.events.map((e) => e.details.reason)).toEqual([
      "disabled",
      "unknown_user",
      "wrong_password",
    ]);
  });

  it("fail/locks a user after 3 failures, with Retry-After, audited, and unlocks after the lockout", async () => {
    const client = new ApiClient(app.url);
    for (let i = 0; i < 3; i++) expect((await client.login("alice", "wrong password!")).status).toBe(401);
    const locked = await client.login("alice", PASSWORD);
    expect(locked.status).toBe(423);
    expect(code(locked.json)).toBe("ACCOUNT_LOCKED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    const audited = await app.deps.audit.query({ actor: "alice", outcome: "failure" });
    expect(audited.events[0]?.details).toMatchObject({ reason: "account_locked" });
    expect(audited.events[1]?.details).toMatchObject({ reason: "wrong_password", locked: ["user"] });
    app.clock.advance(16 * MINUTE);
    expect((await client.login("alice", PASSWORD)).status).toBe(200);
  });

  it("fail/throttles a client address after 6 failures across user names", async () => {
    const client = new ApiClient(app.url);
    for (let i = 0; i < 6; i++) await client.login(`user${i}`, "wrong password!");
    const res = await client.login("alice", PASSWORD);
    expect(res.status).toBe(429);
    expect(code(res.json)).toBe("RATE_LIMITED");
    expect(res.headers.get("retry-after")).not.toBeNull();
  });

  it("ok/failures outside the window do not add up", async () => {
    const client = new ApiClient(app.url);
    for (let i = 0; i < 2; i++) await client.login("alice", "wrong password!");
    app.clock.advance(16 * MINUTE);
    for (let i = 0; i < 2; i++) await client.login("alice", "wrong password!");
    expect((await client.login("alice", PASSWORD)).status).toBe(200);
  });

  it("ok/the secure flag is set when the request came over TLS", async () => {
    const proxied = await startTestApp(engine, { env: { TRUST_PROXY: "true" } });
    try {
      await proxied.addUser("carol", PASSWORD, "viewer");
      const client = new ApiClient(proxied.url);
      const res = await client.request("POST", "/api/session", {
        body: { username: "carol", password: PASSWORD },
        headers: { "x-forwarded-proto": "https" },
      });
      expect(res.headers.get("set-cookie")).toContain("; Secure");
    } finally {
      await proxied.close();
    }
  });

  it.runIf(engine === "postgres")(
    "ok/a session made on one replica works on the other, and ends on both",
    async () => {
      const replica = await startTestApp(engine, { replicaOf: app });
      try {
        const client = new ApiClient(app.url);
        await client.login("alice", PASSWORD);
        const there = new ApiClient(replica.url);
        there.cookie = client.cookie;
        there.csrf = client.csrf;
        expect((await there.request("GET", "/api/session")).status).toBe(200);
        expect((await there.request("DELETE", "/api/session")).status).toBe(204);
        expect((await client.request("GET", "/api/session")).status).toBe(401);
        expect(await app.deps.audit.verify()).toMatchObject({ ok: true });
      } finally {
        await replica.close();
      }
    },
  );

  it("fail/a flood of sign-in requests from one address gets 429 before any password check", async () => {
    const guarded = await startTestApp(engine, { env: { LOGIN_REQUESTS_PER_MINUTE: "3" } });
    try {
      const client = new ApiClient(guarded.url);
      for (let i = 0; i < 3; i++) expect((await client.login("nobody", "wrong password!")).status).toBe(401);
      const res = await client.login("nobody", "wrong password!");
      expect(res.status).toBe(429);
      expect(code(res.json)).toBe("RATE_LIMITED");
      expect((await guarded.deps.audit.query({})).total).toBe(3);
    } finally {
      await guarded.close();
    }
  });
});

import { ApiErrorBodySchema, ApiTokenListResponseSchema, CreateApiTokenResponseSchema } from "@pca/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../http/testing/client";
import { signedIn } from "../http/testing/sign-in";
import { startTestApp, type TestApp } from "../http/testing/test-app";
import { testEngines } from "../storage/testing/test-storage";

const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;
const DAY = 86_400_000;

describe.each(testEngines())("API tokens on %s", (engine) => {
  let app: TestApp;
  let admin: ApiClient;
  beforeEach(async () => {
    app = await startTestApp(engine);
    admin = await signedIn(app, "root", "admin");
  });
  afterEach(() => app.close());

  const createToken = async (body: Record<string, unknown>) => {
    const res = await admin.request("POST", "/api/tokens", { body });
    expect(res.status).toBe(201);
    return CreateApiTokenResponseSchema.parse(res.json);
  };
  const bearer = (secret: string) => {
    const client = new ApiClient(app.url);
    client.bearer = secret;
    return client;
  };

  it("ok/creates a token shown once, usable as Bearer without CSRF, listed without its secret", async () => {
    const { token, secret } = await createToken({ name: "dashboard", role: "admin" });
    expect(secret).toMatch(/^pca_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: "dashboard",
      role: "admin",
      owner: "root",
      revokedAt: null,
      expiresAt: null,
    });
    const script = bearer(secret);
    const me = await script.request("GET", "/api/session");
    expect(me.json).toMatchObject({ user: { username: "root", role: "admin" }, csrfToken: "" });
    // A state change with a Bearer token needs no CSRF header.
    const created = await script.request("POST", "/api/users", {
      body: { username: "made-by-script", password: "a long enough password", role: "viewer" },
    });
    expect(created.status).toBe(201);
    const list = ApiTokenListResponseSchema.parse((await admin.request("GET", "/api/tokens")).json);
    expect(list.tokens[0]).toMatchObject({ id: token.id, lastUsedAt: app.clock.now() });
    expect(JSON.stringify(list)).not.toContain(secret);
    const stored = await app.storage.kysely.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it("fail/a revoked token answers 401 TOKEN_REVOKED; revoking is audited", async () => {
    const { token, secret } = await createToken({ name: "ci", role: "viewer" });
    const script = bearer(secret);
    expect((await script.request("GET", "/api/session")).status).toBe(200);
    expect((await admin.request("DELETE", `/api/tokens/${token.id}`)).status).toBe(204);
    const res = await script.request("GET", "/api/session");
    expect(res.status).toBe(401);
    expect(code(res.json)).toBe("TOKEN_REVOKED");
    const events = await app.deps.audit.query({ target: token.id });
    expect(events.events.map((e) => e.action)).toEqual(["token.revoke", "token.create"]);
    const again = await admin.request("DELETE", "/api/tokens/unknown-token-id");
    expect(again.status).toBe(404);
    expect(code(again.json)).toBe("TOKEN_NOT_FOUND");
  });

  it("fail/an expired token answers 401", async () => {
    const { secret } = await createToken({ name: "short", role: "viewer", expiresInDays: 1 });
    app.clock.advance(DAY + 1);
    const res = await bearer(secret).request("GET", "/api/session");
    expect(res.status).toBe(401);
    expect(code(res.json)).toBe("UNAUTHENTICATED");
  });

  it("ok/a token acts with its role: a viewer token cannot reach admin routes", async () => {
    const { secret } = await createToken({ name: "reader", role: "viewer" });
    const res = await bearer(secret).request("GET", "/api/users");
    expect(res.status).toBe(403);
    expect(code(res.json)).toBe("FORBIDDEN");
  });

  it("ok/a token is capped by its owner's role and stops with a disabled owner", async () => {
    await app.addUser("second", "another long password", "admin");
    const { secret } = await createToken({ name: "mine", role: "admin" });
    await app.storage.kysely
      .updateTable("users")
      .set({ role: "viewer" })
      .where("username", "=", "root")
      .execute();
    expect((await bearer(secret).request("GET", "/api/users")).status).toBe(403);
    await app.storage.kysely
      .updateTable("users")
      .set({ disabled: 1 })
      .where("username", "=", "root")
      .execute();
    expect((await bearer(secret).request("GET", "/api/session")).status).toBe(401);
  });

  it("fail/non-admins cannot create tokens; bad bodies are refused", async () => {
    const viewer = await signedIn(app, "vera", "viewer");
    expect((await viewer.request("POST", "/api/tokens", { body: { name: "x", role: "admin" } })).status).toBe(
      403,
    );
    const bad = await admin.request("POST", "/api/tokens", { body: { name: "x", role: "root" } });
    expect(code(bad.json)).toBe("VALIDATION_FAILED");
    const badId = await admin.request("DELETE", "/api/tokens/!!");
    expect(code(badId.json)).toBe("INVALID_ID");
  });
});

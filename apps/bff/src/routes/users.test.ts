import { ApiErrorBodySchema, UserListResponseSchema, UserSchema } from "@pca/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../http/testing/client";
import { signedIn, TEST_PASSWORD } from "../http/testing/sign-in";
import { startTestApp, type TestApp } from "../http/testing/test-app";
import { testEngines } from "../storage/testing/test-storage";

const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;
const NEW_PASSWORD = "a brand new password 2";

describe.each(testEngines())("users admin on %s", (engine) => {
  let app: TestApp;
  let admin: ApiClient;
  beforeEach(async () => {
    app = await startTestApp(engine);
    admin = await signedIn(app, "root", "admin");
  });
  afterEach(() => app.close());

  it("ok/creates, lists and updates users; every change is audited without the password", async () => {
    const created = await admin.request("POST", "/api/users", {
      body: { username: "ivan", password: NEW_PASSWORD, role: "issuer" },
    });
    expect(created.status).toBe(201);
    expect(UserSchema.parse(created.json)).toMatchObject({
      username: "ivan",
      role: "issuer",
      disabled: false,
    });
    expect(created.text).not.toContain("password_hash");
    const list = UserListResponseSchema.parse((await admin.request("GET", "/api/users")).json);
    expect(list.users.map((u) => u.username)).toEqual(["ivan", "root"]);

    const before = UserSchema.parse(created.json);
    expect(before.updatedAt).toBe(before.createdAt);
    const updated = await admin.request("PATCH", "/api/users/ivan", { body: { role: "viewer" } });
    expect(UserSchema.parse(updated.json).role).toBe("viewer");
    expect(UserSchema.parse(updated.json).updatedAt).toBeGreaterThanOrEqual(before.createdAt);
    const events = await app.deps.audit.query({ target: "ivan" });
    expect(events.events.map((e) => [e.action, e.details])).toEqual([
      ["user.update", { role: "viewer", passwordChanged: false }],
      ["user.create", { role: "issuer" }],
    ]);
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it("fail/duplicate users, unknown users and weak passwords", async () => {
    const dup = await admin.request("POST", "/api/users", {
      body: { username: "root", password: NEW_PASSWORD, role: "viewer" },
    });
    expect(dup.status).toBe(409);
    expect(code(dup.json)).toBe("USER_EXISTS");
    const missing = await admin.request("PATCH", "/api/users/ghost", { body: { disabled: true } });
    expect(missing.status).toBe(404);
    expect(code(missing.json)).toBe("USER_NOT_FOUND");
    const weak = await admin.request("POST", "/api/users", {
      body: { username: "w", password: "short", role: "viewer" },
    });
    expect(weak.status).toBe(400);
    expect(weak.text).not.toContain('"short"');
  });

  it("ok/a new password or disabling ends the user's sessions; the old password stops working", async () => {
    const ivan = await signedIn(app, "ivan", "issuer");
    expect(
      (await admin.request("PATCH", "/api/users/ivan", { body: { password: NEW_PASSWORD } })).status,
    ).toBe(200);
    expect((await ivan.request("GET", "/api/session")).status).toBe(401);
    expect((await new ApiClient(app.url).login("ivan", TEST_PASSWORD)).status).toBe(401);
    const again = new ApiClient(app.url);
    expect((await again.login("ivan", NEW_PASSWORD)).status).toBe(200);
    await admin.request("PATCH", "/api/users/ivan", { body: { disabled: true } });
    expect((await again.request("GET", "/api/session")).status).toBe(401);
  });

  it("ok/a role change applies to live sessions at once", async () => {
    const ivan = await signedIn(app, "ivan", "admin");
    expect((await ivan.request("GET", "/api/users")).status).toBe(200);
    await admin.request("PATCH", "/api/users/ivan", { body: { role: "viewer" } });
    expect((await ivan.request("GET", "/api/users")).status).toBe(403);
  });

  it("fail/the last enabled admin cannot be demoted or disabled", async () => {
    const res = await admin.request("PATCH", "/api/users/root", { body: { role: "viewer" } });
    expect(res.status).toBe(403);
    expect(code(res.json)).toBe("FORBIDDEN");
    expect(code((await admin.request("PATCH", "/api/users/root", { body: { disabled: true } })).json)).toBe(
      "FORBIDDEN",
    );
  });

  it("fail/viewers and issuers cannot manage users", async () => {
    for (const role of ["viewer", "issuer"] as const) {
      const client = await signedIn(app, `${role}-user`, role);
      expect((await client.request("GET", "/api/users")).status).toBe(403);
      const res = await client.request("POST", "/api/users", {
        body: { username: "x", password: NEW_PASSWORD, role: "admin" },
      });
      expect(code(res.json)).toBe("FORBIDDEN");
    }
  });
});

import { API_ROUTES, ApiErrorBodySchema, type Role, type RouteContract } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../storage/testing/test-storage";
import { roleAllows } from "./require-access";
import { ApiClient } from "./testing/client";
import { signedIn } from "./testing/sign-in";
import { startTestApp, type TestApp } from "./testing/test-app";

const SAMPLE_PARAMS: Readonly<Record<string, string>> = {
  caId: "0b6c8c1e-7e36-4c5f-9d0e-2f1b4a6c8d10",
  id: "0b6c8c1e-7e36-4c5f-9d0e-2f1b4a6c8d11",
  username: "someone",
  tokenId: "sample-token-id",
};
const pathOf = (route: RouteContract) =>
  route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? name);
const code = (json: unknown) => ApiErrorBodySchema.safeParse(json).data?.error.code;
const guarded = (API_ROUTES as readonly RouteContract[]).filter((r) => r.access !== "public");
const changing = guarded.filter((r) => r.method !== "GET");
const bodyFor = (r: RouteContract) => (r.method === "GET" ? {} : { body: {} });
const name = (r: RouteContract) => `${r.method} ${r.path}`;

/**
 * The refusals of the authorization matrix, for every guarded route of API_ROUTES: who may not
 * call it gets 401/403 with the right code before anything else runs (the full matrix with the
 * allowed cells is issue 8's). A route added to the contracts gets its rows automatically.
 */
describe.each(testEngines())("access refusals for every contract route on %s", (engine) => {
  let app: TestApp;
  const clients = {} as Record<Role, ApiClient>;
  let revoked: ApiClient;
  let expired: ApiClient;

  beforeAll(async () => {
    app = await startTestApp(engine);
    for (const role of ["viewer", "issuer", "admin"] as const)
      clients[role] = await signedIn(app, `${role}-1`, role);
    const created = await clients.admin.request("POST", "/api/tokens", {
      body: { name: "r", role: "admin" },
    });
    const { token, secret } = created.json as { token: { id: string }; secret: string };
    await clients.admin.request("DELETE", `/api/tokens/${token.id}`);
    revoked = new ApiClient(app.url);
    revoked.bearer = secret;
    expired = await signedIn(app, "sleepy", "admin");
    await app.storage.kysely
      .updateTable("sessions")
      .set({ idle_expires_at: app.clock.now() - 1 })
      .where("username", "=", "sleepy")
      .execute();
  });
  afterAll(() => app.close());

  it.each(guarded.map((r) => [name(r), r] as const))(
    "anonymous: %s → 401 UNAUTHENTICATED",
    async (_n, route) => {
      const res = await new ApiClient(app.url).request(route.method, pathOf(route), bodyFor(route));
      expect([res.status, code(res.json)]).toEqual([401, "UNAUTHENTICATED"]);
    },
  );

  it.each(guarded.map((r) => [name(r), r] as const))(
    "revoked token: %s → 401 TOKEN_REVOKED",
    async (_n, route) => {
      const res = await revoked.request(route.method, pathOf(route), bodyFor(route));
      expect([res.status, code(res.json)]).toEqual([401, "TOKEN_REVOKED"]);
    },
  );

  it.each(guarded.map((r) => [name(r), r] as const))(
    "expired session: %s → 401 SESSION_EXPIRED",
    async (_n, route) => {
      const res = await expired.request(route.method, pathOf(route), bodyFor(route));
      expect([res.status, code(res.json)]).toEqual([401, "SESSION_EXPIRED"]);
    },
  );

  const lowRoles = guarded.flatMap((route) =>
    (["viewer", "issuer"] as const)
      .filter((role) => !roleAllows(role, route.access))
      .map((role) => [role, name(route), route] as const),
  );
  it.each(lowRoles)("%s: %s → 403 FORBIDDEN", async (role, _n, route) => {
    const res = await clients[role].request(route.method, pathOf(route), bodyFor(route));
    expect([res.status, code(res.json)]).toEqual([403, "FORBIDDEN"]);
  });

  it.each(changing.map((r) => [name(r), r] as const))(
    "session without CSRF: %s → 403 CSRF_FAILED",
    async (_n, route) => {
      const res = await clients.admin.request(route.method, pathOf(route), {
        ...bodyFor(route),
        noCsrf: true,
      });
      expect([res.status, code(res.json)]).toEqual([403, "CSRF_FAILED"]);
      const wrong = await clients.admin.request(route.method, pathOf(route), {
        ...bodyFor(route),
        noCsrf: true,
        headers: { "x-csrf-token": "not-the-token" },
      });
      expect([wrong.status, code(wrong.json)]).toEqual([403, "CSRF_FAILED"]);
    },
  );
});

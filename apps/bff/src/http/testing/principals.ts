import { ApiClient } from "./client";
import { signedIn } from "./sign-in";
import type { TestApp } from "./test-app";

/** The callers of the authorization matrix (access-matrix.test.ts), in its column order. */
export const PRINCIPALS = [
  "anonymous",
  "viewer",
  "issuer",
  "admin",
  "revokedToken",
  "expiredSession",
  "missingCsrf",
  "wrongCsrf",
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** What a principal's refusals say: 401 and 403 carry these codes. */
export const REFUSAL_CODES: Readonly<Record<PrincipalName, { 401?: string; 403?: string }>> = {
  anonymous: { 401: "UNAUTHENTICATED" },
  viewer: { 403: "FORBIDDEN" },
  issuer: { 403: "FORBIDDEN" },
  admin: {},
  revokedToken: { 401: "TOKEN_REVOKED" },
  expiredSession: { 401: "SESSION_EXPIRED" },
  missingCsrf: { 403: "CSRF_FAILED" },
  wrongCsrf: { 403: "CSRF_FAILED" },
};

/** A caller: a client with its credentials, and the extra headers and options it sends. */
export interface Principal {
  readonly client: ApiClient;
  readonly noCsrf: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Principals {
  get(name: PrincipalName): Principal;
  /** Signs the principal in again (after a cell that ended its session, e.g. sign out or sign in). */
  renew(name: PrincipalName): Promise<void>;
}

let serial = 0;

/**
 * Builds the eight callers on an app: no credentials; a viewer, an issuer and an admin session
 * (with the CSRF token); an admin API token that was revoked; an admin session past its idle
 * expiry; and two admin sessions that send no / a wrong `X-CSRF-Token`. Each has its own user and
 * session, so one ending does not touch the others.
 */
export async function createPrincipals(app: TestApp): Promise<Principals> {
  const admin = await signedIn(app, "matrix-owner", "admin");
  const build = async (name: PrincipalName): Promise<Principal> => {
    serial += 1;
    const user = `matrix-${name}-${serial}`;
    switch (name) {
      case "anonymous":
        return { client: new ApiClient(app.url), noCsrf: false, headers: {} };
      case "viewer":
      case "issuer":
      case "admin":
        return { client: await signedIn(app, user, name), noCsrf: false, headers: {} };
      case "revokedToken": {
        const created = await admin.request("POST", "/api/tokens", { body: { name: user, role: "admin" } });
        const { token, secret } = created.json as { token: { id: string }; secret: string };
        const revoked = await admin.request("DELETE", `/api/tokens/${token.id}`);
        if (revoked.status !== 204) throw new Error(`could not revoke the token: ${revoked.status}`);
        const client = new ApiClient(app.url);
        client.bearer = secret;
        return { client, noCsrf: false, headers: {} };
      }
      case "expiredSession": {
        const client = await signedIn(app, user, "admin");
        await app.storage.kysely
          .updateTable("sessions")
          .set({ idle_expires_at: app.clock.now() - 1 })
          .where("username", "=", user)
          .execute();
        return { client, noCsrf: false, headers: {} };
      }
      case "missingCsrf":
        return { client: await signedIn(app, user, "admin"), noCsrf: true, headers: {} };
      case "wrongCsrf":
        return {
          client: await signedIn(app, user, "admin"),
          noCsrf: true,
          headers: { "x-csrf-token": "not-the-sessions-csrf-token" },
        };
    }
  };
  const built = new Map<PrincipalName, Principal>();
  for (const name of PRINCIPALS) built.set(name, await build(name));
  return {
    get: (name) => {
      const found = built.get(name);
      if (!found) throw new Error(`no principal ${name}`);
      return found;
    },
    renew: async (name) => {
      built.set(name, await build(name));
    },
  };
}

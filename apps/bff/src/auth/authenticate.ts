import type { Role } from "@pca/contracts";
import type { Request } from "express";
import type { Actor, Credential } from "../core/actor";
import type { CodedFailure } from "../core/failure";
import type { ApiTokenStore } from "./api-tokens";
import { readSessionCookie } from "./session-cookie";
import type { SessionStore } from "./sessions";

export type Authentication =
  | { readonly kind: "none" }
  | { readonly kind: "ok"; readonly actor: Actor; readonly credential: Credential }
  | { readonly kind: "failed"; readonly failure: CodedFailure };

const RANK: Readonly<Record<Role, number>> = { viewer: 1, issuer: 2, admin: 3 };
const lower = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);

const failed = (code: CodedFailure["code"], message: string): Authentication => ({
  kind: "failed",
  failure: { code, message },
});

/**
 * Finds who is calling: an `Authorization: Bearer pca_…` header wins over the session cookie.
 * A token acts with its own role, capped by its owner's current role; a disabled owner or user
 * stops both (each credential is read with its user in one query). Failures carry the reason: SESSION_EXPIRED, TOKEN_REVOKED or UNAUTHENTICATED.
 */
export async function authenticate(
  req: Request,
  stores: { sessions: SessionStore; tokens: ApiTokenStore },
): Promise<Authentication> {
  const authorization = req.get("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) return failed("UNAUTHENTICATED", "Send an API token as 'Authorization: Bearer pca_…'.");
    const found = await stores.tokens.resolve(match[1]);
    if (!found.ok) {
      if (found.reason === "revoked") return failed("TOKEN_REVOKED", "This API token has been revoked.");
      if (found.reason === "expired") return failed("UNAUTHENTICATED", "This API token has expired.");
      return failed("UNAUTHENTICATED", "This API token is not valid.");
    }
    const { owner } = found;
    if (!owner || owner.disabled === 1) {
      return failed("UNAUTHENTICATED", "This API token's owner is disabled.");
    }
    return {
      kind: "ok",
      actor: {
        username: owner.username,
        role: lower(found.row.role as Role, owner.role as Role),
        via: "token",
        tokenId: found.row.id,
      },
      credential: { kind: "token", tokenId: found.row.id, expiresAt: found.row.expires_at },
    };
  }
  const sessionId = readSessionCookie(req);
  if (sessionId === undefined) return { kind: "none" };
  const found = await stores.sessions.resolve(sessionId);
  if (!found.ok) {
    return found.reason === "expired"
      ? failed("SESSION_EXPIRED", "Your session has expired; sign in again.")
      : failed("UNAUTHENTICATED", "Your session has ended; sign in again.");
  }
  const { user } = found;
  if (!user || user.disabled === 1) return failed("UNAUTHENTICATED", "This account is disabled.");
  return {
    kind: "ok",
    actor: { username: user.username, role: user.role as Role, via: "session" },
    credential: {
      kind: "session",
      csrfToken: found.csrfToken,
      sessionIdHash: found.row.id_hash,
      idleExpiresAt: found.row.idle_expires_at,
      absoluteExpiresAt: found.row.absolute_expires_at,
    },
  };
}

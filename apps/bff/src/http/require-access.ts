import type { Access, Role } from "@pca/contracts";
import { CSRF_HEADER } from "@pca/contracts";
import type { RequestHandler } from "express";
import { safeEqual } from "../auth/secrets";
import { sendFailure } from "./error-status";

const RANK: Readonly<Record<Role, number>> = { viewer: 1, issuer: 2, admin: 3 };
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `role` may call a route of `access` (viewer < issuer < admin). */
export function roleAllows(role: Role, access: Access): boolean {
  if (access === "public" || access === "authenticated") return true;
  return RANK[role] >= RANK[access];
}

/**
 * Lets the request through when its caller may use a route of this access level: `public` lets
 * anyone through; otherwise the credentials `identify` found must be valid (401 with the reason:
 * UNAUTHENTICATED, SESSION_EXPIRED, TOKEN_REVOKED) and the role high enough (403 FORBIDDEN). A
 * state-changing request made with a session cookie must carry the session's CSRF token in
 * `X-CSRF-Token` (403 CSRF_FAILED); Bearer-token requests need none, as browsers never send them
 * on their own. Sets `res.locals.actor`.
 */
export function requireAccess(access: Access): RequestHandler {
  return (req, res, next) => {
    if (access === "public") return next();
    const { actor, credential, authFailure } = res.locals;
    if (!actor || !credential) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="pca-console"');
      return sendFailure(
        res,
        authFailure ?? {
          code: "UNAUTHENTICATED",
          message: "Sign in or send an API token to use this route.",
        },
      );
    }
    if (credential.kind === "session" && !SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER);
      if (!sent || !safeEqual(sent, credential.csrfToken)) {
        return sendFailure(res, {
          code: "CSRF_FAILED",
          message: `This change needs the session's CSRF token in the ${CSRF_HEADER} header; reload the page and try again.`,
        });
      }
    }
    if (!roleAllows(actor.role, access)) {
      return sendFailure(res, {
        code: "FORBIDDEN",
        message: `This needs the ${access} role; you are signed in as ${actor.role}.`,
      });
    }
    next();
  };
}

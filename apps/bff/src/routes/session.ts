import { SessionInfoSchema } from "@pca/contracts";
import { Router } from "express";
import type { AuthServices } from "../auth/auth-services";
import { login } from "../auth/login";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "../auth/session-cookie";
import type { AppDeps } from "../core/deps";
import { sendFailure } from "../http/error-status";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";
import { logins } from "../observability/metrics";

const signIn = contractFor("POST", "/api/session");
const whoAmI = contractFor("GET", "/api/session");
const signOut = contractFor("DELETE", "/api/session");

/** `POST/GET/DELETE /api/session`: sign in (a new session id every time), who am I, sign out. */
export function sessionRoutes(deps: AppDeps, auth: AuthServices): Router {
  const router = Router();

  mountRoute(router, signIn, async (req, res) => {
    const { body } = inputOf(res.locals, signIn);
    const outcome = await login(
      { ...auth, audit: deps.audit },
      {
        username: body.username,
        password: body.password,
        ip: res.locals.clientIp ?? "unknown",
        requestId: res.locals.requestId,
        previousSessionId: readSessionCookie(req),
      },
    );
    if (!outcome.ok) {
      logins.inc({ outcome: outcome.failure.code === "INVALID_CREDENTIALS" ? "failure" : "locked" });
      if (outcome.retryAfterSeconds !== undefined)
        res.setHeader("Retry-After", String(outcome.retryAfterSeconds));
      return sendFailure(res, outcome.failure);
    }
    logins.inc({ outcome: "success" });
    writeSessionCookie(req, res, outcome.session.id);
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, SessionInfoSchema, outcome.info);
  });

  mountRoute(router, whoAmI, (_req, res) => {
    const { actor, credential } = res.locals;
    if (!actor || !credential) throw new Error("requireAccess let an anonymous caller through.");
    const never = Number.MAX_SAFE_INTEGER;
    res.setHeader("Cache-Control", "no-store");
    sendJson(
      res,
      SessionInfoSchema,
      credential.kind === "session"
        ? {
            user: { username: actor.username, role: actor.role },
            csrfToken: credential.csrfToken,
            idleExpiresAt: credential.idleExpiresAt,
            absoluteExpiresAt: credential.absoluteExpiresAt,
          }
        : {
            // A Bearer token needs no CSRF token; its expiry stands for both.
            user: { username: actor.username, role: actor.role },
            csrfToken: "",
            idleExpiresAt: credential.expiresAt ?? never,
            absoluteExpiresAt: credential.expiresAt ?? never,
          },
    );
  });

  mountRoute(router, signOut, async (req, res) => {
    const { actor, credential } = res.locals;
    if (credential?.kind === "session" && actor) {
      await deps.audit.append({
        actor: actor.username,
        role: actor.role,
        action: "session.logout",
        target: actor.username,
        outcome: "success",
        requestId: res.locals.requestId,
      });
      await auth.sessions.destroyByHash(credential.sessionIdHash);
      clearSessionCookie(req, res);
    }
    res.status(204).end();
  });

  return router;
}

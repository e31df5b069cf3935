import type { RequestHandler } from "express";
import type { AuthServices } from "../auth/auth-services";
import { authenticate } from "../auth/authenticate";

/**
 * Runs on every /api request before the routes: records who is calling (`res.locals.actor`,
 * `credential`) or why the credentials sent were refused (`authFailure`). It never answers by
 * itself; `requireAccess` decides per route, so public routes work with a stale cookie.
 */
export function identify(auth: AuthServices): RequestHandler {
  return async (req, res, next) => {
    res.locals.clientIp = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const found = await authenticate(req, auth);
    if (found.kind === "ok") {
      res.locals.actor = found.actor;
      res.locals.credential = found.credential;
    } else if (found.kind === "failed") {
      res.locals.authFailure = found.failure;
    }
    next();
  };
}

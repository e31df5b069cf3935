import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { sendFailure } from "./error-status";

/**
 * A coarse per-address cap on sign-in requests, answered 429 RATE_LIMITED before any database,
 * password or audit work. The audited throttle and lockout (auth/login-throttle.ts) decide about
 * credentials; this only keeps a flood from burning CPU on argon2 and filling the audit log.
 * In memory, so per replica.
 */
export function loginFloodGuard(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    validate: false,
    handler: (_req, res, _next, options) => {
      res.setHeader("Retry-After", String(Math.ceil(options.windowMs / 1000)));
      sendFailure(res, {
        code: "RATE_LIMITED",
        message: "Too many sign-in requests from here; wait a minute.",
      });
    },
  });
}

import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id: the caller's `X-Request-Id` when it is a plain token (so a proxy's id
 * carries through), otherwise a new UUID. Sent back as `X-Request-Id`; audit events carry it.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const sent = req.get("x-request-id");
    const id = sent && ACCEPTABLE.test(sent) ? sent : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  };
}

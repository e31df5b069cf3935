import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

/**
 * One pino line per request. Only method, path (no query string), status, time, request id and
 * client address are logged: never headers or bodies, so credentials cannot reach the log even
 * before redaction (which the logger applies as well).
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const locals = (res as ServerResponse & { locals?: { requestId?: string } }).locals;
      return locals?.requestId ?? "unknown";
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Who made the request (never their credentials); set once requireAccess/identify ran.
    customProps: (_req: IncomingMessage, res: ServerResponse) => {
      const actor = (res as ServerResponse & { locals?: { actor?: { username: string; via: string } } })
        .locals?.actor;
      return actor ? { actor: actor.username, via: actor.via } : {};
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    quietReqLogger: true,
  });
}

import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import express, { type Express, type Request } from "express";
import { authenticate } from "./auth/verify";
import { CcmError } from "./errors";
import type { Faults } from "./faults";
import { readBody } from "./http/body";
import { applyFaults, type HangRegistry } from "./http/faults-middleware";
import type { Reply, Route } from "./http/route";
import { adminRouter } from "./routes/admin";
import { caRoutes } from "./routes/cas";
import { certificateRoutes } from "./routes/certificates";
import { iamRoutes } from "./routes/iam";
import type { EmulatorState } from "./routes/state";

/** A pino-compatible logger; the emulator logs one line per request and never a header or body. */
export interface EmulatorLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface AppDeps {
  readonly state: EmulatorState;
  readonly faults: Faults;
  readonly hangs: HangRegistry;
  readonly now: () => number;
  readonly logger?: EmulatorLogger | undefined;
  /** Mount the loopback-only /__emulator admin routes (default true). */
  readonly admin?: boolean | undefined;
}

const JSON_TYPE = "application/json;charset=UTF-8";

function send(res: ServerResponse, reply: Reply): void {
  const payload = "bytes" in reply ? reply.bytes : Buffer.from(JSON.stringify(reply.json));
  res.writeHead(reply.status, {
    "content-type": JSON_TYPE,
    ...reply.headers,
    "content-length": payload.length,
  });
  res.end(payload);
}

const errorReply = (err: unknown, logger: EmulatorLogger | undefined, requestId: string): Reply => {
  if (err instanceof CcmError) return { status: err.status, json: err.body };
  logger?.error(
    { requestId, err: err instanceof Error ? err.message : String(err) },
    "emulator internal error",
  );
  const internal = new CcmError("INTERNAL");
  return { status: internal.status, json: internal.body };
};

/**
 * One route's pipeline: read the exact body → injected faults → authenticate (signature or token,
 * on the possibly skewed clock) → handler → reply (or a reset after handling, if injected).
 */
function pipeline(route: Route, deps: AppDeps) {
  return async (req: Request, res: ServerResponse): Promise<void> => {
    const requestId = randomBytes(16).toString("hex");
    const started = performance.now();
    res.setHeader("X-Request-Id", requestId);
    res.on("close", () => {
      deps.logger?.info(
        {
          requestId,
          operation: route.operation,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "ccm request",
      );
    });
    let resetAfter = false;
    let reply: Reply;
    try {
      const body = await readBody(req);
      const outcome = await applyFaults(deps.faults, deps.hangs, route.operation, req, res);
      if (outcome.handled) return;
      resetAfter = outcome.resetAfterHandling;
      const now = deps.now() + outcome.skewMs;
      const [rawPath = "", ...rest] = req.originalUrl.split("?");
      const rawQuery = rest.join("?");
      if (route.authenticated) {
        const input = { method: req.method, rawPath, rawQuery, headers: req.headers, body, now };
        const auth = authenticate(input, deps.state.credentials, deps.state.tokens);
        if (!auth.ok) throw new CcmError("AUTH_FAILED", auth.reason);
      }
      const params: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.params)) params[k] = typeof v === "string" ? v : undefined;
      reply = await route.handle({
        params,
        query: new URLSearchParams(rawQuery),
        body,
        headers: req.headers,
        now,
      });
    } catch (err) {
      reply = errorReply(err, deps.logger, requestId);
    }
    if (resetAfter) {
      req.socket.destroy();
      return;
    }
    send(res, reply);
  };
}

/** The emulator's HTTP surface: CCM's PCA paths, IAM's token path, the admin routes, then 404. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  if (deps.admin !== false) app.use("/__emulator", adminRouter(deps.faults));
  const routes = [...iamRoutes(deps.state), ...caRoutes(deps.state), ...certificateRoutes(deps.state)];
  for (const route of routes) {
    const handler = pipeline(route, deps);
    if (route.method === "GET") app.get(route.path, handler);
    else app.post(route.path, handler);
  }
  app.use((req: Request, res: ServerResponse) => {
    const requestId = randomBytes(16).toString("hex");
    res.setHeader("X-Request-Id", requestId);
    req.resume();
    const err = new CcmError("NO_SUCH_API");
    send(res, { status: err.status, json: err.body });
  });
  return app;
}

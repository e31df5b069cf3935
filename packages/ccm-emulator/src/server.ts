import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type Request } from "express";
import { authenticate } from "./auth/verify";
import { CcmError } from "./errors";
import type { Faults } from "./faults";
import { readBody } from "./http/body";
import { applyFaults, type HangRegistry } from "./http/faults-middleware";
import { operationRoutes } from "./http/operation-routes";
import type { Reply, Route } from "./http/route";
import { randomHex } from "./random";
import { adminRouter } from "./routes/admin";
import { caHandlers } from "./routes/cas";
import { certificateHandlers } from "./routes/certificates";
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

/** What the pipeline needs of a request besides the message: its URL, path and route parameters. */
interface Target {
  /** The request target as received: path and query (Express's originalUrl). */
  readonly url: string;
  /** The path without the query (Express's req.path), for fault matching and the log. */
  readonly path: string;
  readonly params: Readonly<Record<string, string | undefined>>;
}

/** An X-Request-Id: 16 random bytes as 32 hex digits. */
const newRequestId = (): string => randomHex(16);

const NO_PARAMS: Readonly<Record<string, string | undefined>> = Object.freeze({});

/**
 * One route's pipeline: read the exact body → injected faults → authenticate (signature or token,
 * on the possibly skewed clock) → handler → reply (or a reset after handling, if injected).
 */
function pipeline(route: Route, deps: AppDeps) {
  return async (req: IncomingMessage, res: ServerResponse, target: Target): Promise<void> => {
    const requestId = newRequestId();
    res.setHeader("X-Request-Id", requestId);
    const logger = deps.logger;
    if (logger) {
      const started = performance.now();
      res.on("close", () => {
        logger.info(
          {
            requestId,
            operation: route.operation,
            method: req.method,
            path: target.path,
            status: res.statusCode,
            ms: Math.round(performance.now() - started),
          },
          "ccm request",
        );
      });
    }
    let resetAfter = false;
    let reply: Reply;
    try {
      const body = await readBody(req);
      const outcome = await applyFaults(deps.faults, deps.hangs, route.operation, req, target.path, res);
      if (outcome.handled) return;
      resetAfter = outcome.resetAfterHandling;
      const now = deps.now() + outcome.skewMs;
      const q = target.url.indexOf("?");
      const rawPath = q < 0 ? target.url : target.url.slice(0, q);
      const rawQuery = q < 0 ? "" : target.url.slice(q + 1);
      const method = req.method ?? "";
      if (route.authenticated) {
        const input = { method, rawPath, rawQuery, headers: req.headers, body, now };
        const auth = authenticate(input, deps.state.credentials, deps.state.tokens);
        if (!auth.ok) throw new CcmError("AUTH_FAILED", auth.reason);
      }
      const params = target.params;
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

/** Express's route parameters, strings only. */
function paramsOf(req: Request): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.params)) params[k] = typeof v === "string" ? v : undefined;
  return params;
}

/** The HTTP request listener: `(req, res) => void`, as http.createServer takes it. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The emulator's HTTP surface: CCM's PCA paths, IAM's token path, the admin routes, then 404.
 * A request whose method and target are exactly a parameterless route's (`POST
 * /v1/private-certificates/csr`, `GET /v1/private-certificates?limit=10`) goes straight to that
 * route's pipeline; everything else (other casing, a trailing slash, parameters, HEAD, the admin
 * routes, unknown paths) goes through Express, which routes it as before. The fast path only takes
 * what Express would route to the same handler: a route is fast-pathed only when no route
 * registered before it could match its path.
 */
export function createApp(deps: AppDeps): RequestListener {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  if (deps.admin !== false) app.use("/__emulator", adminRouter(deps.faults));
  const routes = [
    ...iamRoutes(deps.state),
    ...operationRoutes({ ...caHandlers(deps.state), ...certificateHandlers(deps.state) }),
  ];
  const fast = new Set(fastPathRoutes(routes));
  const exact = new Map<string, ReturnType<typeof pipeline>>();
  for (const route of routes) {
    const handler = pipeline(route, deps);
    const viaExpress = (req: Request, res: ServerResponse) =>
      handler(req, res, { url: req.originalUrl, path: req.path, params: paramsOf(req) });
    if (route.method === "GET") app.get(route.path, viaExpress);
    else app.post(route.path, viaExpress);
    if (fast.has(route)) exact.set(`${route.method} ${route.path}`, handler);
  }
  app.use((req: Request, res: ServerResponse) => {
    const requestId = newRequestId();
    res.setHeader("X-Request-Id", requestId);
    req.resume();
    const err = new CcmError("NO_SUCH_API");
    send(res, { status: err.status, json: err.body });
  });
  return (req, res) => {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const handler = exact.get(`${req.method} ${path}`);
    if (handler === undefined) {
      app(req, res);
      return;
    }
    handler(req, res, { url, path, params: NO_PARAMS }).catch((err: unknown) => {
      // The pipeline answers every error itself; this is what Express's final handler would do.
      deps.logger?.error(
        { err: err instanceof Error ? err.message : String(err) },
        "emulator internal error",
      );
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 500;
        res.end();
      }
    });
  };
}

/**
 * The routes the fast path may take: those without `:parameters` that no route registered before
 * them could match (Express routes a request to the first route that matches it).
 */
export function fastPathRoutes(routes: readonly Route[]): Route[] {
  return routes.filter(
    (route, i) => !route.path.includes(":") && !routes.slice(0, i).some((r) => couldMatch(r, route)),
  );
}

/** Whether `earlier` (same method) could match `later`'s static path: its `:x` segments match any segment. */
function couldMatch(earlier: Route, later: Route): boolean {
  if (earlier.method !== later.method) return false;
  const a = earlier.path.toLowerCase().split("/");
  const b = later.path.toLowerCase().split("/");
  return a.length === b.length && a.every((segment, i) => segment.startsWith(":") || segment === b[i]);
}

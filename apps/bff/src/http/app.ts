import { existsSync } from "node:fs";
import { join } from "node:path";
import compression from "compression";
import express, { type Express } from "express";
import { createAuthServices } from "../auth/auth-services";
import type { AppDeps } from "../core/deps";
import { apiRouters } from "../routes";
import { healthRoutes } from "../routes/health";
import { apiNotFound, errorHandler } from "./error-handler";
import { sendFailure } from "./error-status";
import { identify } from "./identify";
import { jsonBody } from "./json-body";
import { loginFloodGuard } from "./login-flood-guard";
import { requestId } from "./request-id";
import { requestLog } from "./request-log";
import { requestMetrics } from "./request-metrics";
import { securityHeaders } from "./security-headers";

/**
 * Builds the Express app, in this order: request id → request log → metrics → security headers →
 * /healthz, /readyz, /metrics → for /api: identify the caller, JSON-only body → the API routes →
 * the /api 404/405 → the SPA (history fallback) → the error middleware. See AppDeps for inputs.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.TRUST_PROXY);
  app.set("query parser", "simple");
  const auth = createAuthServices(deps.config, deps.db, deps.clock);

  app.use(requestId());
  app.use(requestLog(deps.logger));
  app.use(requestMetrics());
  app.use(securityHeaders());
  app.use(healthRoutes(deps));

  app.post("/api/session", loginFloodGuard(deps.config.LOGIN_REQUESTS_PER_MINUTE));
  app.use("/api", identify(auth), ...jsonBody());
  for (const router of apiRouters(deps, auth)) app.use(router);
  for (const router of deps.extraRouters ?? []) app.use(router);
  app.use("/api", apiNotFound());

  const dist = deps.webDist;
  if (dist && existsSync(join(dist, "index.html"))) {
    // Only the SPA's files are compressed: API answers carry secrets such as the CSRF token, and
    // compressing them beside attacker-chosen input would open them to BREACH-style guessing.
    app.use(compression());
    app.use("/assets", express.static(join(dist, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(dist, { index: false, maxAge: "1h" }));
    app.get(/^\/(?!api\/|api$).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(join(dist, "index.html"));
    });
  }
  app.use((_req, res) =>
    sendFailure(res, { code: "ROUTE_NOT_FOUND", message: "There is nothing at this address." }),
  );
  app.use(errorHandler(deps.logger));
  return app;
}

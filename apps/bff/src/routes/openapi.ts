import { Router } from "express";
import type { AppDeps } from "../core/deps";
import { contractFor, mountRoute } from "../http/mount";
import { buildOpenApi } from "../observability/openapi";

const route = contractFor("GET", "/api/openapi.json");

/** `GET /api/openapi.json`: built once from the contracts, on first request. */
export function openApiRoutes(deps: AppDeps): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  mountRoute(router, route, (_req, res) => {
    document ??= buildOpenApi(deps.version);
    res.json(document);
  });
  return router;
}

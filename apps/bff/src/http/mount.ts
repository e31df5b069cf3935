import { API_ROUTES, type RouteContract } from "@pca/contracts";
import type { RequestHandler, Router } from "express";
import { requireAccess } from "./require-access";
import { validate } from "./validate";

type ApiRoute = (typeof API_ROUTES)[number];

/** The contract of one route of API_ROUTES, typed, so `inputOf(res.locals, route)` knows its schemas. */
export function contractFor<M extends ApiRoute["method"], P extends Extract<ApiRoute, { method: M }>["path"]>(
  method: M,
  path: P,
): Extract<ApiRoute, { method: M; path: P }> {
  const found = API_ROUTES.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`No contract for ${method} ${path}.`);
  return found as Extract<ApiRoute, { method: M; path: P }>;
}

/**
 * Mounts a route from its contract: `requireAccess(route.access)` → `validate(route)` → handlers.
 * Authorization runs first, so an anonymous caller learns nothing from validation messages.
 */
export function mountRoute(router: Router, route: RouteContract, ...handlers: RequestHandler[]): void {
  const chain = [requireAccess(route.access), validate(route), ...handlers];
  switch (route.method) {
    case "GET":
      router.get(route.path, ...chain);
      return;
    case "POST":
      router.post(route.path, ...chain);
      return;
    case "PATCH":
      router.patch(route.path, ...chain);
      return;
    case "DELETE":
      router.delete(route.path, ...chain);
      return;
  }
}
export { inputOf, type RouteInput } from "./validate";

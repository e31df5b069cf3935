import { parse as parseQuery } from "node:querystring";
import type { RouteContract } from "@pca/contracts";
import type { EdgeCase } from "./edge-input";

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/**
 * Whether the contract certainly refuses this request before any handler runs: a path id its
 * schema refuses, a query its schema refuses, a body that is not JSON (or not sent as JSON), or a
 * body its schema refuses. Cases this cannot be sure of (stray credentials, encodings) count as
 * not certainly invalid, so the stricter assertions are only made where they must hold.
 */
export function certainlyInvalid(route: RouteContract, c: EdgeCase): boolean {
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(c.params)) {
    const value = decode(raw);
    if (value === undefined) return true;
    // An empty segment can land on another route (`/api/cas/` is the list): not certain.
    if (value === "") return false;
    params[name] = value;
  }
  if (route.params && !route.params.safeParse(params).success) return true;
  if (route.query && !route.query.safeParse({ ...parseQuery(c.query) }).success) return true;
  // /healthz, /readyz and /metrics sit before the JSON-only body parser: their bodies are ignored.
  if (!route.path.startsWith("/api/")) return false;
  const encoded = c.headers["content-encoding"] !== undefined;
  const type = c.headers["content-type"];
  // An empty body sent as JSON is read as `{}` (body-parser); without a type it is no body.
  if (c.body === "" && type?.startsWith("application/json") && !encoded)
    return route.body !== undefined && !route.body.safeParse({}).success;
  if (c.body === undefined || c.body === "") return route.body !== undefined && !encoded;
  if (type !== "application/json") return type === undefined || !type.startsWith("application/json");
  if (encoded || c.body.startsWith("\uFEFF")) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(c.body);
  } catch {
    return true;
  }
  if (typeof parsed !== "object" || parsed === null) return true;
  return route.body !== undefined && !route.body.safeParse(parsed).success;
}

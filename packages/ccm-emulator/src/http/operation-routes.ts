import { CCM_OPERATION_NAMES, CCM_OPERATIONS, type CcmOperationSpec, parseCcmPart } from "@pca/contracts";
import { inputError } from "../errors";
import { jsonBody } from "./body";
import type { OperationHandlers, Reply, Route, RouteRequest } from "./route";

/** A handler as the routing calls it: the input parsed by the entry's schemas, typed by them. */
type ParsedHandler = (
  req: { readonly params: unknown; readonly query: unknown; readonly body: unknown } & Pick<
    RouteRequest,
    "headers" | "now"
  >,
) => Promise<Reply> | Reply;

/** An entry's path as Express writes it: `{ca_id}` → `:ca_id`. */
export const expressPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ":$1");

const paramCount = (path: string): number => path.split("/:").length - 1;

/**
 * The query as an object for a list schema: a repeated key becomes an array, which the schema
 * refuses. [unverified] Unknown query parameters are refused (the contracts schemas are strict)
 * rather than ignored, so a client typo shows up in tests.
 */
export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

/** Throws the CCM error for a refused part of the input, or returns the parsed part. */
function checked(spec: CcmOperationSpec, part: "params" | "query" | "body", value: unknown): unknown {
  const parsed = parseCcmPart(spec, part, value);
  if (!parsed.ok) throw inputError(parsed.error);
  return parsed.value;
}

/**
 * One route per entry of CCM_OPERATIONS, from the entry: its method, its path, and its input
 * checks, in this order: the path's ids (PCA.00020201), the query, the body (not JSON:
 * PCA.00020001; refused by the schema: the CCM error of the contracts code). Only then does the
 * operation's handler run, with the parsed input. [unverified] CCM's order is not documented: here
 * a refused input is answered before any lookup (a bad body for an unknown id is PCA.00020001). Routes whose paths have fewer parameters come
 * first, as Express takes the first route that matches (`/quotas` before `/{ca_id}`).
 */
export function operationRoutes(handlers: OperationHandlers): Route[] {
  const routes = CCM_OPERATION_NAMES.map((name): Route => {
    const spec: CcmOperationSpec = CCM_OPERATIONS[name];
    // Each handler takes its own operation's parsed input, which the checks below produce.
    const handle = handlers[name] as unknown as ParsedHandler;
    return {
      method: spec.method,
      path: expressPath(spec.path),
      operation: name,
      authenticated: true,
      handle: (req: RouteRequest) => {
        const params = checked(spec, "params", req.params);
        const query = spec.query ? checked(spec, "query", queryObject(req.query)) : {};
        const body = spec.body ? checked(spec, "body", jsonBody(req.body)) : undefined;
        return handle({ params, query, body, headers: req.headers, now: req.now });
      },
    };
  });
  return routes.sort((a, b) => paramCount(a.path) - paramCount(b.path));
}

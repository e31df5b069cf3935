import { API_ROUTES, ApiErrorBodySchema, type ErrorCode } from "@pca/contracts";

/** What a handler sees: the path parameters, the query, the parsed JSON body and the headers. */
export interface MockRequest {
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly headers: Headers;
}

export type MockReply = { status?: number; body?: unknown; delayMs?: number };
export type MockHandler = (request: MockRequest) => MockReply | Promise<MockReply>;

/** A recorded call, for assertions. */
export interface MockCall extends MockRequest {
  readonly method: string;
  readonly path: string;
}

type RouteKey = `${"GET" | "POST" | "PATCH" | "DELETE"} ${string}`;

const compile = (path: string) =>
  new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/:(\w+)/g, "(?<$1>[^/]+)")}$`);

/** An error envelope, checked by the contract like any other reply. */
export const apiError = (status: number, code: ErrorCode, message: string, upstream?: object): MockReply => ({
  status,
  body: { error: { code, message, ...(upstream ? { upstream } : {}) } },
});

/**
 * A fetch that answers from handlers keyed by the contract's routes (`"GET /api/cas/:caId"`).
 * Every query and body the SPA sends is parsed by the route's request schema, and every reply by
 * its response schema (or the error envelope), so a mock can never drift from the contract.
 */
export function createMockApi(handlers: Partial<Record<RouteKey, MockHandler>>) {
  const calls: MockCall[] = [];
  const routes = API_ROUTES.map((route) => ({ route, pattern: compile(route.path) }));
  const fetcher: typeof fetch = async (input, init) => {
    const url = new URL(String(input), "http://console.test");
    const method = (init?.method ?? "GET").toUpperCase();
    const match = routes.find((r) => r.route.method === method && r.pattern.test(url.pathname));
    if (!match) throw new Error(`No contract route for ${method} ${url.pathname}`);
    const { route } = match;
    const handler = handlers[`${route.method} ${route.path}` as RouteKey];
    if (!handler) throw new Error(`No mock handler for ${route.method} ${route.path}`);
    const params = { ...(match.pattern.exec(url.pathname)?.groups ?? {}) };
    const query = Object.fromEntries(url.searchParams);
    if ("query" in route && route.query) route.query.parse(query);
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    if ("body" in route && route.body) route.body.parse(body);
    const headers = new Headers(init?.headers);
    const request = { params, query, body, headers };
    calls.push({ ...request, method, path: url.pathname });
    const reply = await handler(request);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    const status = reply.status ?? 200;
    if (status >= 400) ApiErrorBodySchema.parse(reply.body);
    else if (route.response.kind === "json") route.response.schema.parse(reply.body);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetcher, calls };
}

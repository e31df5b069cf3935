import type { CSRF_HEADER, ErrorCode, UpstreamError } from "@pca/contracts";
import type { z } from "zod";

/** Codes the browser adds for failures that never produced an error envelope. */
export type ClientErrorCode = "NETWORK_ERROR" | "BAD_RESPONSE";

/**
 * The one error every API call rejects with: the envelope's stable `code` (components switch on it,
 * never on `message`), CCM's own error beside it when the upstream refused, and the HTTP status.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  readonly upstream: UpstreamError | undefined;

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    extra: { details?: Record<string, unknown> | undefined; upstream?: UpstreamError | undefined } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = extra.details;
    this.upstream = extra.upstream;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type Fetcher = typeof fetch;

// The contract's header name, checked against it by type: a runtime import of the constant would
// put the contracts chunk (and zod) into the first download.
const csrfHeader: typeof CSRF_HEADER = "X-CSRF-Token";

let fetcher: Fetcher = (input, init) => fetch(input, init);
let csrfToken: string | null = null;

/** Swaps the transport (tests). The default is the browser's fetch on the page's own origin. */
export function setFetcher(next: Fetcher): void {
  fetcher = next;
}

/** The current transport, for the few calls outside /api (the health check). */
export const fetchRaw: typeof fetch = (input, init) => fetcher(input, init);

/** The session's CSRF token, sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | undefined | null;

/** Builds `?a=1&b=x` from defined values only, in the given key order (stable cache keys and URLs). */
export function toQueryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export interface ApiRequest<S extends z.ZodType> {
  readonly method?: "GET" | "POST" | "PATCH" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  /** The contract's response schema; a body of another shape is a BAD_RESPONSE, never trusted. */
  readonly schema: S;
}

async function readError(response: Response): Promise<ApiError> {
  // The envelope's schema (and zod) load with the first error, not with the first page.
  const [body, { ApiErrorBodySchema }] = await Promise.all([
    response.json().catch(() => null) as Promise<unknown>,
    import("@pca/contracts"),
  ]);
  const parsed = ApiErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(response.status, "BAD_RESPONSE", `HTTP ${response.status}`);
  }
  const { code, message, details, upstream } = parsed.data.error;
  return new ApiError(response.status, code, message, { details, upstream });
}

/**
 * Calls the console API on the page's own origin with the session cookie, the CSRF header on
 * state changes, and the response parsed by the contract. Rejects with an ApiError only.
 */
export async function apiRequest<S extends z.ZodType>(request: ApiRequest<S>): Promise<z.output<S>> {
  const method = request.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (method !== "GET" && csrfToken) headers[csrfHeader] = csrfToken;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const qs = toQueryString(request.query);
  let response: Response;
  try {
    response = await fetcher(qs ? `${request.path}?${qs}` : request.path, {
      method,
      headers,
      credentials: "same-origin",
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK_ERROR", "The console's server could not be reached.");
  }
  if (!response.ok) throw await readError(response);
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => null);
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, "BAD_RESPONSE", "The server's answer does not match the contract.");
  }
  return parsed.data;
}

import { Agent, request } from "undici";

/** One HTTP exchange as the client asks for it. */
export interface HttpRequest {
  readonly method: string;
  /** Absolute URL; its path and query are sent exactly as they are (already encoded). */
  readonly url: URL;
  /** Every header to send; a `host` entry is sent as the Host header. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Deadline for the whole exchange: connect, send, response headers and body. */
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Lowercase header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

/**
 * How an exchange failed without a response:
 * - `unreachable`: the request surely never reached the server (connection refused, DNS, connect
 *   timeout, TLS handshake refused) — safe to say nothing happened upstream;
 * - `timeout`: the deadline passed, maybe after the request was sent;
 * - `reset`: the connection broke, maybe after the request was sent;
 * - `failed`: anything else (also maybe sent).
 */
export type TransportFailureKind = "unreachable" | "timeout" | "reset" | "failed";

export type TransportResult =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly kind: TransportFailureKind; readonly cause: string };

/** Sends one exchange. Never throws: failures are values. Tests pass their own. */
export type Transport = (request: HttpRequest) => Promise<TransportResult>;

export interface UndiciTransportOptions {
  /** Deadline for the TCP + TLS connection (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** How long an idle keep-alive socket is kept (default 4 s, below node:http's 5 s server default). */
  readonly keepAliveTimeoutMs?: number;
  /** Largest response body read (default 16 MiB); more is a `failed` exchange. */
  readonly maxResponseBytes?: number;
  /** Extra trust anchors for a TLS endpoint (a private gateway or a local emulator over TLS). */
  readonly ca?: string | readonly string[];
}

/** Error codes proving the request never left: nothing was written to a connected socket. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_SSL_WRONG_VERSION_NUMBER",
]);
const TIMEOUT = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);
const RESET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"]);

function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const { code, name, cause } = e as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    if (name === "TimeoutError" || name === "AbortError") return name;
    e = cause;
  }
  return "UNKNOWN";
}

/** Sorts a thrown transport error into a failure kind, by its code (or its cause's). */
export function classifyTransportError(error: unknown): { kind: TransportFailureKind; cause: string } {
  const cause = errorCode(error);
  if (NOT_SENT.has(cause)) return { kind: "unreachable", cause };
  if (TIMEOUT.has(cause) || cause === "TimeoutError" || cause === "AbortError")
    return { kind: "timeout", cause };
  if (RESET.has(cause)) return { kind: "reset", cause };
  return { kind: "failed", cause };
}

/**
 * The production transport: undici with one keep-alive Agent (connections are reused across
 * calls), a connect timeout, and a per-exchange deadline covering headers and body.
 * `close()` ends the pooled connections.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport & {
  close(): Promise<void>;
} {
  const maxBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
  const agent = new Agent({
    connect: {
      timeout: options.connectTimeoutMs ?? 5_000,
      ...(options.ca === undefined
        ? {}
        : { ca: typeof options.ca === "string" ? options.ca : [...options.ca] }),
    },
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    keepAliveMaxTimeout: 60_000,
  });

  const send: Transport = async (req) => {
    const signal = AbortSignal.timeout(req.timeoutMs);
    try {
      const res = await request(req.url, {
        method: req.method as "GET",
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        dispatcher: agent,
        signal,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        return { ok: false, kind: "failed", cause: "RESPONSE_TOO_LARGE" };
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        const bytes = chunk as Uint8Array;
        size += bytes.length;
        if (size > maxBytes) {
          res.body.destroy();
          return { ok: false, kind: "failed", cause: "RESPONSE_TOO_LARGE" };
        }
        chunks.push(bytes);
      }
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
      }
      return { ok: true, response: { status: res.statusCode, headers, body: Buffer.concat(chunks) } };
    } catch (error) {
      const { kind, cause } = classifyTransportError(error);
      return { ok: false, kind, cause };
    }
  };
  return Object.assign(send, { close: () => agent.close() });
}

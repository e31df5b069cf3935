import { CSRF_HEADER } from "@pca/contracts";
import { recordTraffic, registerSecret } from "./traffic";

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  readonly json: unknown;
}

export interface RequestOptions {
  readonly body?: unknown;
  /** A raw body sent as is (with the given content type, or none). */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Leave out the CSRF header even when the client has a token. */
  readonly noCsrf?: boolean;
}

const SESSION_COOKIE_VALUE = /pca_session=([^;]*)/;

/**
 * A tiny browser/script stand-in over fetch: keeps the session cookie and CSRF token, or sends a
 * Bearer token. Every response goes to the suite's traffic record (minus the session cookie's
 * value in Set-Cookie and the secret in a token-creation answer, which is where those belong), and
 * every session id and token secret it sees is registered as a secret.
 */
export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;

  constructor(readonly base: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = `pca_session=${this.cookie}`;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && !options.noCsrf && method !== "GET") headers[CSRF_HEADER] = this.csrf;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body, redirect: "manual" });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const setCookie = res.headers.get("set-cookie") ?? "";
    const session = SESSION_COOKIE_VALUE.exec(setCookie)?.[1];
    if (session) registerSecret(session);
    let recordedText = text;
    const secret = (json as { secret?: unknown } | undefined)?.secret;
    if (typeof secret === "string") {
      registerSecret(secret);
      recordedText = text.replace(secret, "[shown once]");
    }
    const recordedHeaders = [...res.headers.entries()]
      .map(
        ([k, v]) =>
          `${k}: ${k === "set-cookie" ? v.replace(SESSION_COOKIE_VALUE, "pca_session=[cookie]") : v}`,
      )
      .join("\n");
    recordTraffic(`${method} ${path} -> ${res.status}\n${recordedHeaders}\n\n${recordedText}`);
    return { status: res.status, headers: res.headers, text, json };
  }

  /** Signs in; on success keeps the cookie and the CSRF token for the next requests. */
  async login(username: string, password: string): Promise<ApiResponse> {
    registerSecret(password);
    const res = await this.request("POST", "/api/session", { body: { username, password } });
    const session = SESSION_COOKIE_VALUE.exec(res.headers.get("set-cookie") ?? "")?.[1];
    if (res.status === 200 && session) {
      this.cookie = session;
      this.csrf = (res.json as { csrfToken: string }).csrfToken;
    }
    return res;
  }
}

import { type ErrorCode, type Failure, fail, ok, type Result } from "@pca/contracts";
import type { Transport } from "../http/transport";
import { IAM_GLOBAL_ENDPOINT } from "../regions";

/** An IAM user's password login. The account (domain) name is the user's account, not HUAWEI ID. */
export interface IamPasswordLogin {
  readonly userName: string;
  readonly password: string;
  readonly domainName: string;
}

export interface IamTokenProviderOptions {
  readonly login: IamPasswordLogin;
  /** IAM base URL (default the global `https://iam.myhuaweicloud.com`). */
  readonly endpoint?: string;
  /** Renew this long before `expires_at` (default 1 hour of the 24-hour lifetime). */
  readonly renewBeforeMs?: number;
  /** Deadline of one login exchange (default 15 s). */
  readonly timeoutMs?: number;
  readonly transport: Transport;
  /** Milliseconds since the epoch (injectable for tests). */
  readonly now?: () => number;
}

/** Hands out a valid IAM token for `X-Auth-Token`. */
export interface TokenProvider {
  /** A cached token, or one from a fresh login; concurrent callers share one login. */
  getToken(): Promise<Result<string>>;
  /** Forgets the cached token (after a 401), so the next call logs in again. */
  invalidate(): void;
}

interface CachedToken {
  readonly token: string;
  readonly renewAt: number;
  readonly expiresAt: number;
}

/**
 * KeystoneCreateUserTokenByPassword's body for a domain-scoped token, which is what a global
 * service such as CCM takes (reference §6.4).
 */
function loginBody(login: IamPasswordLogin): string {
  return JSON.stringify({
    auth: {
      identity: {
        methods: ["password"],
        password: {
          user: { name: login.userName, password: login.password, domain: { name: login.domainName } },
        },
      },
      scope: { domain: { name: login.domainName } },
    },
  });
}

function expiresAtOf(body: Uint8Array): number | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { token?: { expires_at?: unknown } };
    const at = parsed.token?.expires_at;
    const ms = typeof at === "string" ? Date.parse(at) : Number.NaN;
    return Number.isFinite(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}

function loginFailure(status: number): Failure {
  const code: ErrorCode =
    status === 401 || status === 403
      ? "UPSTREAM_AUTH_FAILED"
      : status === 429
        ? "UPSTREAM_RATE_LIMITED"
        : status >= 500
          ? "UPSTREAM_ERROR"
          : "UPSTREAM_REJECTED";
  const message =
    code === "UPSTREAM_AUTH_FAILED"
      ? "IAM refused the login: check the IAM user name, password and account name."
      : `IAM answered the login with HTTP ${status}.`;
  return { code, message, details: { operation: "KeystoneCreateUserTokenByPassword", upstream: { status } } };
}

/**
 * An IAM token provider for password login (reference §6.4): POST /v3/auth/tokens?nocatalog=true,
 * token from the `X-Subject-Token` header of the 201, expiry from `token.expires_at`. The token is
 * cached and renewed `renewBeforeMs` before it expires (but never before half its lifetime); if a
 * renewal fails while the old token is still valid, the old one is returned. The password and the
 * token are never put in a failure, and nothing is logged.
 *
 * Failure codes: UPSTREAM_AUTH_FAILED (401/403), UPSTREAM_RATE_LIMITED, UPSTREAM_REJECTED,
 * UPSTREAM_ERROR (5xx), UPSTREAM_TIMEOUT, UPSTREAM_UNREACHABLE, UPSTREAM_BAD_RESPONSE.
 */
export function createIamTokenProvider(options: IamTokenProviderOptions): TokenProvider {
  const now = options.now ?? Date.now;
  const renewBeforeMs = options.renewBeforeMs ?? 60 * 60 * 1000;
  const url = new URL("/v3/auth/tokens?nocatalog=true", options.endpoint ?? IAM_GLOBAL_ENDPOINT);
  let cached: CachedToken | undefined;
  let inFlight: Promise<Result<string>> | undefined;

  async function login(): Promise<Result<string>> {
    const issuedAt = now();
    const sent = await options.transport({
      method: "POST",
      url,
      headers: { "content-type": "application/json;charset=utf8", host: url.host },
      body: new TextEncoder().encode(loginBody(options.login)),
      timeoutMs: options.timeoutMs ?? 15_000,
    });
    const operation = "KeystoneCreateUserTokenByPassword";
    if (!sent.ok) {
      return sent.kind === "timeout"
        ? fail("UPSTREAM_TIMEOUT", "IAM did not answer the login in time.", { operation, cause: sent.cause })
        : fail("UPSTREAM_UNREACHABLE", "IAM could not be reached for a login.", {
            operation,
            cause: sent.cause,
          });
    }
    const { status, headers, body } = sent.response;
    if (status !== 201 && status !== 200) return { ok: false, error: loginFailure(status) };
    const token = headers["x-subject-token"];
    const expiresAt = expiresAtOf(body);
    if (!token || expiresAt === undefined) {
      return fail("UPSTREAM_BAD_RESPONSE", "IAM's login answer has no token or no expiry.", { operation });
    }
    const renewAt = Math.max(expiresAt - renewBeforeMs, issuedAt + (expiresAt - issuedAt) / 2);
    cached = { token, renewAt, expiresAt };
    return ok(token);
  }

  return {
    async getToken() {
      const held = cached;
      if (held && now() < held.renewAt) return ok(held.token);
      inFlight ??= login().finally(() => {
        inFlight = undefined;
      });
      const renewed = await inFlight;
      if (!renewed.ok && held && now() < held.expiresAt) return ok(held.token);
      return renewed;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

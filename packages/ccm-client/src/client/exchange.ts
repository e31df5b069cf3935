import type { ErrorCode } from "@pca/contracts";
import { type CcmResult, ccmFail } from "../errors";
import { type BackoffOptions, backoffDelayMs } from "../http/backoff";
import type { Transport, TransportFailureKind } from "../http/transport";
import type { QueryParams } from "../sign/canonical";
import { signRequest } from "../sign/signer";
import { requestTarget } from "../sign/wire";
import type { CcmCredentials } from "./credentials";
import { interpretResponse, type ResponseReader, retryableStatus } from "./interpret";

/** One CCM operation call. */
export interface CcmCall<T> {
  /** The operation's name in CCM's API (`CreateCertificateByCsr`), for failures. */
  readonly operation: string;
  readonly method: "GET" | "POST";
  /** The path below the endpoint, before encoding (`/v1/private-certificates/csr`). */
  readonly path: string;
  readonly query?: QueryParams;
  readonly body?: Uint8Array;
  /**
   * Whether the operation changes state upstream (issuance): it is then never retried, and a
   * failure after the request may have been sent is UPSTREAM_OUTCOME_UNKNOWN, for the BFF to
   * reconcile.
   */
  readonly mutates: boolean;
  readonly read: ResponseReader<T>;
}

/** What an exchange needs from the client. */
export interface ExchangeContext {
  readonly baseUrl: URL;
  readonly credentials: CcmCredentials;
  readonly transport: Transport;
  readonly timeoutMs: number;
  readonly retry: BackoffOptions;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

const transportFailureMessage: Record<TransportFailureKind, string> = {
  unreachable: "CCM could not be reached; the request was not sent.",
  timeout: "CCM did not answer in time.",
  reset: "The connection to CCM broke before an answer arrived.",
  failed: "The exchange with CCM failed before an answer arrived.",
};

function transportCode(kind: TransportFailureKind, mutates: boolean): ErrorCode {
  if (kind === "unreachable") return "UPSTREAM_UNREACHABLE";
  if (mutates) return "UPSTREAM_OUTCOME_UNKNOWN";
  return kind === "timeout"
    ? "UPSTREAM_TIMEOUT"
    : kind === "reset"
      ? "UPSTREAM_UNREACHABLE"
      : "UPSTREAM_ERROR";
}

const basePath = (url: URL) => decodeURIComponent(url.pathname).replace(/\/+$/, "");

async function authHeaders<T>(
  call: CcmCall<T>,
  ctx: ExchangeContext,
): Promise<{ ok: true; headers: Record<string, string> } | { ok: false; failure: CcmResult<never> }> {
  const path = basePath(ctx.baseUrl) + call.path;
  const base = { "content-type": "application/json" };
  if (ctx.credentials.kind === "token") {
    const token = await ctx.credentials.provider.getToken();
    if (!token.ok) {
      return {
        ok: false,
        failure: ccmFail(token.error.code, token.error.message, { operation: call.operation, attempts: 0 }),
      };
    }
    return { ok: true, headers: { ...base, host: ctx.baseUrl.host, "X-Auth-Token": token.value } };
  }
  const { ak, sk, domainId } = ctx.credentials;
  const headers = signRequest(
    {
      method: call.method,
      host: ctx.baseUrl.host,
      path,
      ...(call.query === undefined ? {} : { query: call.query }),
      headers: domainId === undefined ? base : { ...base, "X-Domain-Id": domainId },
      ...(call.body === undefined ? {} : { body: call.body }),
    },
    { ak, sk },
    ctx.now(),
  );
  return { ok: true, headers };
}

/**
 * Runs one CCM operation: authenticate (sign again on every attempt, for a fresh X-Sdk-Date),
 * send, and interpret. A GET that changes nothing is retried with full-jitter backoff on a 5xx, a
 * 429, a refused or reset connection, up to `retry.maxAttempts` attempts in all; a POST, and any
 * operation that changes state, is sent exactly once.
 */
export async function exchange<T>(call: CcmCall<T>, ctx: ExchangeContext): Promise<CcmResult<T>> {
  const retried = call.method === "GET" && !call.mutates;
  const maxAttempts = retried ? Math.max(1, ctx.retry.maxAttempts ?? 3) : 1;
  const url = new URL(requestTarget(basePath(ctx.baseUrl) + call.path, call.query), ctx.baseUrl.origin);
  for (let attempt = 1; ; attempt++) {
    const auth = await authHeaders(call, ctx);
    if (!auth.ok) return auth.failure;
    const sent = await ctx.transport({
      method: call.method,
      url,
      headers: auth.headers,
      ...(call.body === undefined ? {} : { body: call.body }),
      timeoutMs: ctx.timeoutMs,
    });
    const retriable = sent.ok
      ? retryableStatus(sent.response.status)
      : sent.kind === "unreachable" || sent.kind === "reset";
    if (retriable && attempt < maxAttempts) {
      await ctx.sleep(backoffDelayMs(attempt, ctx.retry, ctx.random));
      continue;
    }
    if (!sent.ok) {
      return ccmFail(transportCode(sent.kind, call.mutates), transportFailureMessage[sent.kind], {
        operation: call.operation,
        attempts: attempt,
        cause: sent.cause,
      });
    }
    if (sent.response.status === 401 && ctx.credentials.kind === "token")
      ctx.credentials.provider.invalidate();
    return interpretResponse(call, sent.response, attempt);
  }
}

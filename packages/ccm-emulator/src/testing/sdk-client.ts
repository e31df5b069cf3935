import { request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import type { RunningEmulator } from "../emulator";

type SignerModule = typeof import("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");

/** The official Node SDK's signer (reference §7), loaded from its CommonJS build. */
const { AKSKSigner } = createRequire(import.meta.url)(
  "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner",
) as SignerModule;

/** `YYYYMMDDTHHmmssZ`, as the SDK writes X-Sdk-Date. */
export const sdkDate = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");

export interface SdkRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly data?: object;
  /** Extra headers to sign. */
  readonly headers?: Readonly<Record<string, string>>;
  /** X-Sdk-Date's time; default now. */
  readonly now?: number;
}

export interface SignedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/**
 * Signs a request for the emulator exactly as the SDK's HcClient would (content-type
 * application/json even on GET, X-Domain-Id for GlobalCredentials), with AKSKSigner.sign.
 */
export function sdkSign(
  emulator: Pick<RunningEmulator, "url" | "credentials">,
  req: SdkRequest,
): SignedRequest {
  const { ak, sk, domainId } = emulator.credentials;
  const headers = {
    "content-type": "application/json",
    "X-Domain-Id": domainId,
    "X-Sdk-Date": sdkDate(req.now ?? Date.now()),
    ...req.headers,
  };
  const signed = AKSKSigner.sign(
    {
      endpoint: `${emulator.url}${req.path}`,
      method: req.method,
      headers,
      queryParams: req.query ?? {},
      data: req.data,
    },
    { getAk: () => ak, getSk: () => sk } as unknown as Parameters<typeof AKSKSigner.sign>[1],
  ) as Record<string, string>;
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return {
    url: `${emulator.url}${req.path}${query ? `?${query}` : ""}`,
    method: req.method,
    headers: signed,
    body: req.data === undefined ? undefined : JSON.stringify(req.data),
  };
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly raw: Buffer;
  readonly text: string;
  /** The body parsed as JSON, undefined when it is not JSON. */
  readonly json: unknown;
}

/**
 * Sends a request with node:http, so a test controls every header (Host included) and the exact
 * body bytes. Rejects when the connection is reset or `timeoutMs` passes.
 */
export function send(req: SignedRequest, timeoutMs = 10_000): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text, json });
        });
      },
    );
    r.on("timeout", () => r.destroy(new Error("client timeout")));
    r.on("error", reject);
    r.end(req.body);
  });
}

/** Signs with the official SDK signer and sends. */
export const sdkCall = (emulator: Pick<RunningEmulator, "url" | "credentials">, req: SdkRequest) =>
  send(sdkSign(emulator, req));

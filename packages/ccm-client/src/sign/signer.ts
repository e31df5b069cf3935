import {
  authorizationHeader,
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  HEADER_CONTENT_SHA256,
  HEADER_SDK_DATE,
  type HeaderEntry,
  parseSdkDate,
  payloadHash,
  type QueryParams,
  signature,
  signedHeaderNames,
  stringToSign,
} from "./canonical";

/** An access key pair. The SK is only ever used as an HMAC key. */
export interface AkSk {
  readonly ak: string;
  readonly sk: string;
}

/** What the signer needs to know about a request. */
export interface SignableRequest {
  readonly method: string;
  /** `hostname[:port]` exactly as the Host header will carry it (port only when not the default). */
  readonly host: string;
  /**
   * The path before percent-encoding (`/v1/private-certificates/csr`); each segment is encoded
   * when the canonical URI is built, and the transport must put the same encoding on the wire.
   */
  readonly path: string;
  readonly query?: QueryParams;
  /** Headers to sign and send; `content-type` belongs here (the SDK signs it even on GET). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The exact body bytes that will be sent (a string is taken as UTF-8). */
  readonly body?: Uint8Array | string;
}

const lower = (s: string) => s.toLowerCase();

/**
 * Signs a request with SDK-HMAC-SHA256 exactly as the Node SDK's `AKSKSigner.sign` does
 * (reference §6.1) and returns every header to send: the caller's headers, `X-Sdk-Date` (unless
 * the caller gave one), `host` and `Authorization`. `now` stamps `X-Sdk-Date`.
 *
 * Where the SDK matches header names by exact casing (`X-Sdk-Date`, `host`,
 * `X-Sdk-Content-Sha256`), this matches them case-insensitively; with the casing the SDK expects
 * the results are identical. Throws RangeError when a supplied `X-Sdk-Date` is not in the basic
 * `YYYYMMDDTHHmmssZ` form (the SDK would sign a date the server cannot match).
 */
export function signRequest(
  request: SignableRequest,
  credentials: AkSk,
  now: Date = new Date(),
): Record<string, string> {
  const headers: Record<string, string> = {};
  let suppliedDate: string | undefined;
  let suppliedHost: string | undefined;
  let contentSha256: string | undefined;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const key = lower(name);
    // The SDK drops a multipart content-type before signing (it is set again by the form encoder).
    if (key === "content-type" && value.includes("multipart/form-data")) continue;
    if (key === "host") {
      suppliedHost = value;
      continue;
    }
    if (key === lower(HEADER_SDK_DATE)) suppliedDate = value;
    if (key === lower(HEADER_CONTENT_SHA256)) contentSha256 = value;
    headers[name] = value;
  }

  let timestamp: string;
  if (suppliedDate === undefined) {
    timestamp = formatSdkDate(now);
    headers[HEADER_SDK_DATE] = timestamp;
  } else {
    if (parseSdkDate(suppliedDate) === undefined) {
      throw new RangeError(`${HEADER_SDK_DATE} must be in the form YYYYMMDDTHHmmssZ`);
    }
    timestamp = suppliedDate;
  }
  headers.host = suppliedHost ?? request.host;

  const entries: HeaderEntry[] = Object.entries(headers).map(([name, value]) => ({ name, value }));
  const signed = signedHeaderNames(entries);
  const canonical = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.path),
    canonicalQueryString: canonicalQueryString(request.query),
    canonicalHeaders: canonicalHeaders(entries),
    signedHeaders: signed,
    payloadHash: payloadHash(request.body, contentSha256),
  });
  const sig = signature(credentials.sk, stringToSign(timestamp, canonical));
  headers.Authorization = authorizationHeader(credentials.ak, signed, sig);
  return headers;
}

import { createHash, createHmac } from "node:crypto";
import { percentEncode } from "./encoding";

/**
 * The building blocks of the SDK-HMAC-SHA256 canonical request, each exactly as the Node SDK's
 * `AKSKSigner` computes it (reference §6.1). The signer and the verifier are both made of these.
 */

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const HEADER_SDK_DATE = "X-Sdk-Date";
export const HEADER_CONTENT_SHA256 = "X-Sdk-Content-Sha256";

/** sha256("") — the payload hash of a request without a body. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A query value as the SDK's `queryParams` holds it; numbers and booleans are signed as `String(v)`. */
export type QueryValue = string | number | boolean;
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[]>>;

/** Lowercase hex SHA-256 of a UTF-8 string or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Lowercase hex HMAC-SHA256 with the SK's UTF-8 bytes as key. */
export function hmacSha256Hex(key: string, data: string): string {
  return createHmac("sha256", key).update(data).digest("hex");
}

/**
 * Step 6: split the path on `/`, percent-encode each segment, join, and append `/` unless it
 * already ends with one. The input is the path as the SDK sees it (its `url.parse` pathname), so
 * a `%` already in it is encoded again (`%20` → `%2520`). An empty path stays empty, as in the SDK.
 */
export function canonicalUri(path: string): string {
  if (path === "") return "";
  const encoded = path.split("/").map(percentEncode).join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/** Plain JS `sort()` order: UTF-16 code units, which is what the SDK sorts query keys and values by. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Step 7: keys sorted in UTF-16 order, key and value percent-encoded, an array emitted as one
 * `k=v` per element with the values sorted as strings, pairs joined with `&`. Empty value ⇒ `k=`.
 */
export function canonicalQueryString(params: QueryParams | undefined): string {
  if (params === undefined) return "";
  const pairs: string[] = [];
  for (const key of Object.keys(params).sort(byCodeUnits)) {
    const value = params[key];
    if (value === undefined) continue;
    const k = percentEncode(key);
    const values = Array.isArray(value) ? value.map(String).sort(byCodeUnits) : [String(value)];
    for (const v of values) pairs.push(`${k}=${percentEncode(v)}`);
  }
  return pairs.join("&");
}

/** A header as it enters the canonical request: name in its original casing and its value. */
export interface HeaderEntry {
  readonly name: string;
  readonly value: string;
}

/**
 * Step 4: SignedHeaders — names sorted by their lowercase form in code-unit order (lodash
 * `sortBy`, stable), joined with `;`, lowercased.
 */
export function signedHeaderNames(headers: readonly HeaderEntry[]): string {
  return headers
    .map((h) => h.name.toLowerCase())
    .sort(byCodeUnits)
    .join(";");
}

/**
 * Step 5: `lowercase(name):value\n` per header, values untrimmed. The SDK orders these lines with
 * `localeCompare`, not with the code-unit order of SignedHeaders; the two agree for names made of
 * `a-z 0-9 -` (every header a CCM request carries) but not for `_ . ! ~`, so this reproduces it.
 */
export function canonicalHeaders(headers: readonly HeaderEntry[]): string {
  return [...headers]
    .map((h) => ({ key: h.name.toLowerCase(), value: h.value }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((h) => `${h.key}:${h.value}\n`)
    .join("");
}

/**
 * The canonical header lines for a verifier: the received values of the listed headers, in the
 * order SignedHeaders lists them (how the gateway rebuilds a request it did not sign itself).
 */
export function canonicalHeadersFromList(
  names: readonly string[],
  headerValue: (name: string) => string,
): string {
  return names.map((name) => `${name}:${headerValue(name)}\n`).join("");
}

/**
 * Step 8: the value of `X-Sdk-Content-Sha256` verbatim when given (e.g. `UNSIGNED-PAYLOAD`),
 * otherwise sha256 of the exact body bytes (the SDK hashes `JSON.stringify(data)`, which is what
 * it sends), and sha256("") with no body.
 */
export function payloadHash(body: Uint8Array | string | undefined, contentSha256?: string): string {
  if (contentSha256 !== undefined) return contentSha256;
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return sha256Hex(body);
}

/** Step 9: the six parts joined with `\n` (canonicalHeaders already ends in `\n`). */
export function canonicalRequest(parts: {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly payloadHash: string;
}): string {
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQueryString,
    parts.canonicalHeaders,
    parts.signedHeaders,
    parts.payloadHash,
  ].join("\n");
}

/** Step 10: `SDK-HMAC-SHA256\n<timestamp>\n<hex sha256 of the canonical request>`. */
export function stringToSign(timestamp: string, canonicalRequestText: string): string {
  return `${SIGNING_ALGORITHM}\n${timestamp}\n${sha256Hex(canonicalRequestText)}`;
}

/** Step 11: hex HMAC-SHA256 of the string to sign, keyed with the SK. */
export function signature(secretKey: string, stringToSignText: string): string {
  return hmacSha256Hex(secretKey, stringToSignText);
}

/** Step 12: `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<list>, Signature=<hex>`. */
export function authorizationHeader(accessKey: string, signedHeaders: string, signatureHex: string): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signatureHex}`;
}

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Step 1: UTC `YYYYMMDDTHHmmssZ`. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** Parses `YYYYMMDDTHHmmssZ` strictly; undefined for anything else (including impossible dates). */
export function parseSdkDate(value: string): Date | undefined {
  const m = SDK_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  if ([y, mo, d, h, mi, s].some((n) => n === undefined)) return undefined;
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 0) - 1, d ?? 0, h ?? 0, mi ?? 0, s ?? 0));
  return formatSdkDate(date) === value ? date : undefined;
}

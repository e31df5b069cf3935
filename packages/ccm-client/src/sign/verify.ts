import { timingSafeEqual } from "node:crypto";
import { fail, ok, type Result } from "@pca/contracts";
import { parseAuthorization } from "./authorization";
import {
  canonicalHeadersFromList,
  canonicalQueryString,
  canonicalRequest,
  parseSdkDate,
  payloadHash,
  sha256Hex,
  signature,
  stringToSign,
} from "./canonical";
import { percentDecodeToBytes, percentEncodeBytes } from "./encoding";

/** A request as a server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** The path exactly as received (still percent-encoded), without the query. */
  readonly path: string;
  /** The query exactly as received, without the leading `?` ("" when none). */
  readonly rawQuery: string;
  /** Received headers; names in any case (node:http gives them lowercased). */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body bytes. */
  readonly body: Uint8Array;
}

/** Returns the SK of an AK, or undefined when the AK is unknown. */
export type SecretLookup = (accessKey: string) => string | undefined;

/** Why a signature was refused; the emulator answers all of them with 401 APIGW.0301. */
export type VerifyFailureCode =
  | "AUTH_MISSING"
  | "AUTH_MALFORMED"
  | "ACCESS_KEY_UNKNOWN"
  | "DATE_INVALID"
  | "DATE_SKEW"
  | "SIGNATURE_MISMATCH";

export interface VerifiedSignature {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly date: Date;
  /** True when the client signed `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`: the body is not covered. */
  readonly unsignedPayload: boolean;
}

export interface VerifyOptions {
  /** Largest accepted distance between X-Sdk-Date and `now` (gateway: 15 minutes). */
  readonly maxSkewMs?: number;
}

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

// ignoreBOM: a value that starts with U+FEFF keeps it, as the signer signed it (the default
// decoder drops a leading BOM, so `?name=%EF%BB%BF` failed to verify; the edge fuzzing found it).
const decodeUtf8 = (bytes: Uint8Array): string => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

/**
 * The canonical URI a gateway computes: decode the received path (so `%2F` becomes a separator,
 * as Go's `URL.Path` does), re-encode every byte but `/`, append `/`.
 */
export function canonicalUriFromReceived(rawPath: string): string {
  if (rawPath === "") return "";
  const encoded = percentEncodeBytes(percentDecodeToBytes(rawPath), "/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/**
 * The canonical query string of a received query: pairs decoded (`+` is a space, as Go's SDK
 * sends it), grouped by key, then encoded and sorted like the Node SDK (UTF-16 order of the
 * decoded keys and values). A pair without `=` has an empty value.
 */
export function canonicalQueryFromReceived(rawQuery: string): string {
  const grouped: Record<string, string[]> = Object.create(null);
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decodeUtf8(percentDecodeToBytes(eq < 0 ? pair : pair.slice(0, eq), true));
    const value = eq < 0 ? "" : decodeUtf8(percentDecodeToBytes(pair.slice(eq + 1), true));
    const values = grouped[key] ?? [];
    values.push(value);
    grouped[key] = values;
  }
  return canonicalQueryString(grouped);
}

function headerLookup(headers: ReceivedRequest["headers"]): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = typeof value === "string" ? value : value.join(", ");
    const key = name.toLowerCase();
    const seen = byName.get(key);
    byName.set(key, seen === undefined ? text : `${seen}, ${text}`);
  }
  return (name) => byName.get(name);
}

/**
 * Verifies an SDK-HMAC-SHA256 signature the way the API gateway does (reference §6.1, "Emulator
 * verification recipe"): the canonical request is rebuilt from the received method, path, query,
 * the received values of exactly the headers listed in SignedHeaders (trimmed, in list order; the
 * received Host for `host`), and sha256 of the raw body unless a signed `X-Sdk-Content-Sha256` is
 * given.
 * So requests signed Node-SDK style (content-type and host signed, values untrimmed) and Go-SDK
 * style (only x-sdk-date, trailing newline in the body) both verify. `x-sdk-date` must be signed
 * and within `maxSkewMs` of `now`. Signatures are compared in constant time.
 *
 * Failure codes: AUTH_MISSING, AUTH_MALFORMED (not SDK-HMAC-SHA256 or unparseable),
 * DATE_INVALID (x-sdk-date unsigned, absent or not YYYYMMDDTHHmmssZ), DATE_SKEW,
 * ACCESS_KEY_UNKNOWN, SIGNATURE_MISMATCH (also when a listed header is absent).
 */
export function verifySignature(
  request: ReceivedRequest,
  lookupSecret: SecretLookup,
  now: Date | number = Date.now(),
  options: VerifyOptions = {},
): Result<VerifiedSignature, VerifyFailureCode> {
  const header = headerLookup(request.headers);
  const authorization = header("authorization");
  if (authorization === undefined || authorization.trim() === "") {
    return fail("AUTH_MISSING", "The request carries no Authorization header.");
  }
  const parsed = parseAuthorization(authorization.trim());
  if (!parsed) {
    return fail("AUTH_MALFORMED", "The Authorization header is not a valid SDK-HMAC-SHA256 signature.");
  }

  const rawDate = header("x-sdk-date")?.trim();
  const date = rawDate === undefined ? undefined : parseSdkDate(rawDate);
  if (!parsed.signedHeaders.includes("x-sdk-date") || rawDate === undefined || date === undefined) {
    return fail("DATE_INVALID", "X-Sdk-Date must be present, signed and in the form YYYYMMDDTHHmmssZ.");
  }
  const nowMs = typeof now === "number" ? now : now.getTime();
  if (Math.abs(nowMs - date.getTime()) > (options.maxSkewMs ?? FIFTEEN_MINUTES_MS)) {
    return fail("DATE_SKEW", "X-Sdk-Date is more than 15 minutes away from the server's time.");
  }

  const secret = lookupSecret(parsed.accessKey);
  if (secret === undefined) return fail("ACCESS_KEY_UNKNOWN", "The access key is not known.");

  const missing = parsed.signedHeaders.find((name) => header(name) === undefined);
  if (missing !== undefined) {
    return fail("SIGNATURE_MISMATCH", "A header listed in SignedHeaders is missing.", { header: missing });
  }
  // X-Sdk-Content-Sha256 replaces the body hash only when it is itself signed: otherwise anyone
  // could swap the body and add the header with the original body's hash. A signed hex value must
  // also be the body's hash; UNSIGNED-PAYLOAD is reported so a server can refuse it.
  const contentHash = parsed.signedHeaders.includes("x-sdk-content-sha256")
    ? header("x-sdk-content-sha256")?.trim()
    : undefined;
  const unsignedPayload = contentHash === "UNSIGNED-PAYLOAD";
  if (contentHash !== undefined && !unsignedPayload && contentHash !== sha256Hex(request.body)) {
    return fail("SIGNATURE_MISMATCH", "The body does not match the signed X-Sdk-Content-Sha256.");
  }
  const canonical = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUriFromReceived(request.path),
    canonicalQueryString: canonicalQueryFromReceived(request.rawQuery),
    canonicalHeaders: canonicalHeadersFromList(parsed.signedHeaders, (name) => header(name)?.trim() ?? ""),
    signedHeaders: parsed.signedHeaders.join(";"),
    payloadHash: payloadHash(request.body, contentHash),
  });
  const expected = Buffer.from(signature(secret, stringToSign(rawDate, canonical)), "utf8");
  const given = Buffer.from(parsed.signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return fail("SIGNATURE_MISMATCH", "The signature does not match the request.");
  }
  return ok({ accessKey: parsed.accessKey, signedHeaders: parsed.signedHeaders, date, unsignedPayload });
}

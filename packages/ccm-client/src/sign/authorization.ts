import { SIGNING_ALGORITHM } from "./canonical";

/** The three fields of an `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header. */
export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;
const SIGNATURE_HEX = /^[0-9a-f]{64}$/;

/**
 * Parses an Authorization header of the SDK-HMAC-SHA256 scheme. Accepts the fields in any order
 * with or without spaces after the commas (both SDKs write `, `). Returns undefined when the
 * scheme is another one or a field is missing, repeated, empty or malformed.
 */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const prefix = `${SIGNING_ALGORITHM} `;
  if (!header.startsWith(prefix)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(prefix.length).split(",")) {
    const item = part.trim();
    const eq = item.indexOf("=");
    if (eq <= 0) return undefined;
    const key = item.slice(0, eq);
    if (fields.has(key)) return undefined;
    fields.set(key, item.slice(eq + 1));
  }
  const accessKey = fields.get("Access");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (fields.size !== 3 || !accessKey || !signedHeaders || signature === undefined) return undefined;
  const names = signedHeaders.split(";");
  if (!names.every((n) => HEADER_NAME.test(n)) || !SIGNATURE_HEX.test(signature)) return undefined;
  return { accessKey, signedHeaders: names, signature };
}

import { canonicalize } from "json-canonicalize";

/** JSON.stringify's replacer: a bigint becomes its decimal string (JSON has no bigint). */
const bigintAsString = (_key: string, value: unknown): unknown =>
  typeof value === "bigint" ? value.toString() : value;

/**
 * The one canonical JSON text of a value: RFC 8785 (JCS) — no whitespace, object members sorted by
 * the UTF-16 code units of their names at every depth, numbers and strings as ECMAScript's
 * JSON.stringify writes them — of the value as JSON itself sees it. So first JSON.stringify's own
 * rules apply (toJSON, undefined members dropped, undefined in arrays and non-finite numbers become
 * null, -0 is 0) and a bigint becomes its decimal string; a value JSON cannot write at all
 * (undefined, a function) is "null".
 *
 * Used for the stored text of audit event details (the hash covers that text) and for the
 * Idempotency-Key request hash. Both texts were, and must stay, byte for byte what the former
 * hand-written sorters produced (canonical-json.test.ts proves it); that is also why a lone UTF-16
 * surrogate, which a JSON request body can carry as `"\ud800"`, is written as that escape, as
 * JSON.stringify does, instead of being refused as RFC 8785 strictly asks.
 */
export function canonicalJson(value: unknown): string {
  // The round trip through JSON's own text hands the JCS serializer plain data only: no toJSON,
  // bigint, non-finite number or object shared between two places.
  const text = JSON.stringify(value, bigintAsString);
  return text === undefined ? "null" : canonicalize(JSON.parse(text));
}

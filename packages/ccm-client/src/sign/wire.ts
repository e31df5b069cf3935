import { canonicalQueryString, type QueryParams } from "./canonical";
import { percentEncode } from "./encoding";

/**
 * The request target to put on the wire for a path and query that were signed, so that a server
 * decoding and re-encoding them (the gateway recipe) lands on the same canonical request: each
 * path segment encoded like the canonical URI (without its trailing `/`), the query in its
 * canonical form.
 */
export function encodePath(path: string): string {
  return path.split("/").map(percentEncode).join("/");
}

/** `path?query` (or just the path) for the wire. */
export function requestTarget(path: string, query?: QueryParams): string {
  const q = canonicalQueryString(query);
  return q === "" ? encodePath(path) : `${encodePath(path)}?${q}`;
}

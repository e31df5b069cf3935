import type { RouteContract } from "@pca/contracts";
import fc from "fast-check";
import { z } from "zod";

/**
 * Stands for the case's unique marker in generated input; `withMarker` swaps in the real one just
 * before sending, so every case carries its own marker and an echo can be told from a coincidence.
 */
export const MARK = "MRKqz";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One request at the edge, as bytes-to-be: raw path segments, raw query, headers and body. */
export interface EdgeCase {
  readonly params: Readonly<Record<string, string>>;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

const ascii = (max: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: max,
  });
const tainted = fc
  .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
  .map(([a, b]) => `${a}${MARK}${b}`);
const SPECIALS = [
  "",
  " ",
  "null",
  "true",
  "0",
  "-1",
  "1e400",
  "NaN",
  "9".repeat(40),
  "../../etc/passwd",
  "%00",
  "%",
  "%E0%A4%A",
  "<script>alert(1)</script>",
  "ACTIVED",
  "PENDING",
  "ENTITY_CERT",
  "INTERMEDIATE_CA",
  "YEAR",
  "DAY",
  "admin",
  "__proto__",
  "constructor",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "𝕏".repeat(3),
  `-----BEGIN CERTIFICATE REQUEST-----\n${MARK}\n-----END CERTIFICATE REQUEST-----`,
  `-----BEGIN PRIVATE KEY-----\n${MARK}\n-----END PRIVATE KEY-----`,
];
/** Strings: mostly carrying the marker, plus known troublemakers and plain unicode/binary. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: tainted },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);
const key = fc.oneof(text, fc.constantFrom("__proto__", "constructor", "toString", "a.b", "0"));

/** Any JSON value, with marked strings at its leaves. */
export const jsonish: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A valid example with some fields dropped, replaced by any JSON, or joined by unknown fields. */
function mutated(example: Readonly<Record<string, Json>>): fc.Arbitrary<Json> {
  const keys = Object.keys(example);
  const near = fc
    .record({
      drop: fc.subarray(keys),
      replace: fc.dictionary(fc.constantFrom(...keys, "x"), jsonish, { maxKeys: 2 }),
      extra: fc.dictionary(key, jsonish, { maxKeys: 1 }),
    })
    .map(({ drop, replace, extra }) => {
      const out: Record<string, Json> = { ...example };
      for (const k of drop) delete out[k];
      return { ...out, ...replace, ...extra };
    });
  return fc.oneof({ weight: 5, arbitrary: near }, { weight: 1, arbitrary: fc.constant({ ...example }) });
}

const BROKEN_JSON = [
  "{",
  '{"a":',
  "[1,2",
  "nul",
  "{'a':1}",
  '{"a":1}}',
  "\uFEFF{}",
  '"str"',
  "1",
  "[]",
  "{}",
];
const CONTENT_TYPES = [
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/json; charset=latin1",
  "multipart/form-data; boundary=x",
  "application/merge-patch+json",
];
const HEADER_NAMES = [
  "x-csrf-token",
  "idempotency-key",
  "x-request-id",
  "accept",
  "accept-language",
  "origin",
  "referer",
  "x-forwarded-for",
  "content-encoding",
  "cookie",
  "authorization",
  "if-none-match",
  "range",
];
const segment = fc.string({ unit: fc.constantFrom(..."abcXYZ019-._~%"), minLength: 1, maxLength: 40 });
const queryText = fc.string({ unit: fc.constantFrom(..."az09=&%+[].-_;,'\"<>MRKqz"), maxLength: 60 });

/** Percent-encodes a string as UTF-8 (a lone surrogate becomes U+FFFD, as a browser sends it). */
const encodeSegment = (s: string): string => encodeURIComponent(Buffer.from(s, "utf8").toString("utf8"));

const shapeKeys = (schema: z.ZodType | undefined): string[] =>
  schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];

/**
 * Edge cases for a route: path parameters (a real id now and then, else marked or raw segments),
 * a query (known and unknown keys with marked values, or raw text), headers (content types,
 * encodings, CSRF, Idempotency-Key, request id, cookies, a stray Authorization…) and a body (the
 * route's valid example mutated, any JSON, broken JSON, plain text; rarely more than the limit).
 */
export function edgeCases(
  route: RouteContract,
  example: Readonly<Record<string, Json>> | undefined,
  realIds: Readonly<Record<string, readonly string[]>>,
): fc.Arbitrary<EdgeCase> {
  const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? "");
  const param = (name: string) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...(realIds[name] ?? ["none"])) },
      { weight: 3, arbitrary: text.map(encodeSegment) },
      { weight: 1, arbitrary: segment },
    );
  const params = fc.record(Object.fromEntries(names.map((n) => [n, param(n)])));
  const known = shapeKeys(route.query);
  const queryKey = known.length > 0 ? fc.oneof(fc.constantFrom(...known), text) : text;
  const query = fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    {
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(queryKey, text), { maxLength: 4 })
        .map((pairs) => new URLSearchParams(pairs).toString()),
    },
    { weight: 1, arbitrary: queryText },
  );
  const extra = fc.dictionary(
    fc.oneof(
      fc.constantFrom(...HEADER_NAMES),
      segment.map((s) => `x-${s}`),
    ),
    ascii(40),
    {
      maxKeys: 3,
    },
  );
  const encoding = fc.constantFrom("gzip", "deflate", "br", "identity", "GZIP", "x-unknown").map((e) => ({
    "content-encoding": e,
  }));
  const markedHeader = fc.constantFrom(...HEADER_NAMES.slice(0, 3)).map((name) => ({ [name]: `a${MARK}b` }));
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const bodies: fc.Arbitrary<string | undefined>[] = [
    jsonish.map((j) => JSON.stringify(j)),
    fc.constantFrom(...BROKEN_JSON),
    text,
  ];
  if (example) bodies.unshift(mutated(example).map((j) => JSON.stringify(j)));
  const weighted = bodies.map((arbitrary, i) => ({ weight: example && i === 0 ? 6 : 1, arbitrary }));
  const body = fc.oneof(
    { weight: route.body ? 1 : 8, arbitrary: fc.constant(undefined) },
    { weight: route.body ? 12 : 2, arbitrary: fc.oneof(...weighted) },
    { weight: 1, arbitrary: fc.constant(`{"a":"${"x".repeat(140 * 1024)}${MARK}"}`) },
  );
  return fc
    .record({ params, query, contentType, extra, markedHeader, encoding, body, pick: fc.nat(9) })
    .map(
      ({ params: p, query: q, contentType: ct, extra: x, markedHeader: m, encoding: e, body: b, pick }) => {
        const headers: Record<string, string> = { ...x, ...(pick < 5 ? m : {}), ...(pick === 9 ? e : {}) };
        if (ct !== undefined && b !== undefined) headers["content-type"] = ct;
        return { params: p, query: q, headers, body: b };
      },
    );
}

/** The case with the placeholder replaced by this case's marker everywhere. */
export function withMarker(c: EdgeCase, marker: string): EdgeCase {
  const swap = (s: string) => s.split(MARK).join(marker);
  const map = (r: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [swap(k), swap(v)]));
  return {
    params: map(c.params),
    query: swap(c.query),
    headers: map(c.headers),
    body: c.body && swap(c.body),
  };
}

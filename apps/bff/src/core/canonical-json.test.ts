import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

/*
 * The two sorters canonicalJson replaced, verbatim. Audit rows already stored hold the first one's
 * text, and Idempotency-Key records of the last 24 h hold the SHA-256 of the second one's; both are
 * compared with what canonicalJson writes today, so it must write the same bytes for every value
 * either of them can meet.
 */

/** The former audit/canonical.ts `canonicalJson`: the stored text of audit event details. */
function formerAuditText(value: unknown): string {
  function sortValue(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(sortValue);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const member = (v as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = sortValue(member);
      }
      return out;
    }
    return v;
  }
  const plain: unknown = JSON.parse(
    JSON.stringify(value ?? {}, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  );
  return JSON.stringify(sortValue(plain));
}

/** The former issuance/idempotency.ts `canonical`: the text `requestHash` hashes. */
function formerRequestText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formerRequestText).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${formerRequestText(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Any UTF-16 code unit; strings also get surrogate pairs, lone halves and characters JSON escapes. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyString = fc.string({
  unit: fc.oneof(codeUnit, fc.constantFrom("\u{1F600}", "\ud83d", "\ude00", "€", '"', "\\", "\u007f")),
});
/** Member names, with the ones JavaScript objects treat specially and a few that collide. */
const anyKey = fc.oneof(
  anyString,
  fc.constantFrom("", "a", "b", "A", "__proto__", "constructor", "toString", "hasOwnProperty", "0", "10"),
);

/**
 * A JSON number as a client may write it: sign, digits, fraction, exponent (up to ±400, so that
 * `1e400` parses to Infinity and `1e-400` to 0), and `-0`.
 */
const numberText = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant("0"), fc.bigInt({ min: 1n, max: 10n ** 25n }).map(String)),
    fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("e", "E", "e+", "E-", "e-"), fc.integer({ min: 0, max: 400 })), {
      nil: undefined,
    }),
  )
  .map(
    ([minus, whole, fraction, exponent]) =>
      `${minus ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}${
        exponent === undefined ? "" : `${exponent[0]}${exponent[1]}`
      }`,
  );

/** The text of a request body: any JSON text, built token by token so numbers keep their spelling. */
const { json: requestText } = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("null", "true", "false"),
    numberText,
    anyString.map((s) => JSON.stringify(s)),
    fc.array(tie("json"), { maxLength: 5 }).map((items) => `[${items.join(", ")}]`),
    fc
      .array(fc.tuple(anyKey, tie("json")), { maxLength: 5 })
      .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(",")}}`),
  ),
}));

/**
 * Member names the former audit sorter got wrong, because it rebuilt each object before writing it:
 * `__proto__` (assigned as the copy's prototype, so dropped) and array-index names such as "0" or
 * "10" (which every JavaScript object lists first, in numeric order, whatever the insertion order).
 * Audit details are built from fixed member names that are neither, so no stored event has them.
 */
const isMisorderedByFormerAudit = (key: string): boolean =>
  key === "__proto__" || (/^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1);

const hasMisorderedMember = (value: unknown): boolean =>
  value !== null &&
  typeof value === "object" &&
  ((!Array.isArray(value) && Object.keys(value).some(isMisorderedByFormerAudit)) ||
    Object.values(value).some(hasMisorderedMember));

/**
 * Audit details as the code builds them: records of fixed member names holding strings (from a
 * request, so any UTF-16), numbers as computed (NaN, ±Infinity, -0 and extreme exponents
 * included), bigints, dates, null, undefined members and undefined array items, nested.
 */
const { details: auditDetails } = fc.letrec<{ value: unknown; details: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyString,
    fc.double(),
    fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7, Number.MAX_VALUE, Number.MIN_VALUE),
    fc.integer(),
    fc.bigInt(),
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.date(),
    fc.array(tie("value"), { maxLength: 4 }),
    tie("details"),
  ),
  details: fc.dictionary(
    anyKey.filter((k) => !isMisorderedByFormerAudit(k)),
    tie("value"),
    { maxKeys: 5 },
  ),
}));

describe("canonicalJson", () => {
  it("ok/writes a request body exactly as the former request hash did, for any JSON text", () => {
    fc.assert(
      fc.property(requestText, (text) => {
        const body: unknown = JSON.parse(text);
        expect(canonicalJson(body)).toBe(formerRequestText(body));
      }),
      { numRuns: 3000 },
    );
  });

  it("ok/writes details parsed from JSON exactly as the former audit text did", () => {
    fc.assert(
      fc.property(
        requestText
          .map((text): unknown => JSON.parse(text))
          .filter((v) => v !== null && typeof v === "object" && !Array.isArray(v) && !hasMisorderedMember(v)),
        (details) => {
          expect(canonicalJson(details)).toBe(formerAuditText(details));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("ok/writes details built in code exactly as the former audit text did", () => {
    fc.assert(
      fc.property(auditDetails, (details) => {
        expect(canonicalJson(details)).toBe(formerAuditText(details));
      }),
      { numRuns: 3000 },
    );
  });

  it("ok/an absent body is null, as the former request hash had it", () => {
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson(undefined)).toBe(formerRequestText(undefined));
  });

  it("ok/sorts array-index names and keeps __proto__ as the former request hash did, unlike the former audit text", () => {
    // Neither occurs in audit details (fixed member names), and an event's hash covers its stored
    // text, never a re-canonicalization, so events written either way keep verifying.
    const body: unknown = JSON.parse('{"b":1,"10":0,"9":0,"__proto__":{"x":2},"":[]}');
    expect(canonicalJson(body)).toBe('{"":[],"10":0,"9":0,"__proto__":{"x":2},"b":1}');
    expect(canonicalJson(body)).toBe(formerRequestText(body));
    expect(formerAuditText(body)).toBe('{"9":0,"10":0,"":[],"b":1}');
  });

  it("ok/writes RFC 8785's own example (§3.2.2) as the RFC does", () => {
    const input: unknown = JSON.parse(
      String.raw`{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]}`,
    );
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it("ok/sorts member names by UTF-16 code units (RFC 8785 §3.2.3)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\u{1F600}": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\u{1F600}":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("ok/writes bigints as decimal strings, -0 as 0, non-finite numbers as null, dates by toJSON", () => {
    expect(
      canonicalJson({
        n: 12345678901234567890n,
        z: -0,
        i: [Number.POSITIVE_INFINITY, Number.NaN],
        d: new Date(0),
        u: undefined,
      }),
    ).toBe('{"d":"1970-01-01T00:00:00.000Z","i":[null,null],"n":"12345678901234567890","z":0}');
  });

  it("ok/escapes a lone surrogate as JSON.stringify does", () => {
    expect(canonicalJson({ s: "a\ud800b" })).toBe('{"s":"a\\ud800b"}');
  });
});

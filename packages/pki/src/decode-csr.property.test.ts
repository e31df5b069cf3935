import { ERROR_CODES } from "@pca/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeBase64 } from "./base64";
import { nodeCryptoProvider } from "./crypto/node";
import { decodeCsr } from "./decode-csr";
import { lintCsr } from "./lint";
import { previewCsr } from "./preview";
import { expected, fixtureBytes } from "./testing/fixtures";
import { PER_INPUT_BUDGET_MS, PROPERTY_RUNS } from "./testing/runs";
import { toPem, toWire } from "./wire";

const CSR_CODES = new Set(ERROR_CODES.filter((c) => c.startsWith("CSR_")));

/** The property every input must satisfy: a value or a CSR_ coded refusal, quickly, no throw. */
function decodesOrRefuses(input: string | Uint8Array): ReturnType<typeof decodeCsr> {
  const started = performance.now();
  const result = decodeCsr(input);
  expect(performance.now() - started).toBeLessThan(PER_INPUT_BUDGET_MS);
  if (!result.ok) {
    expect(CSR_CODES.has(result.error.code)).toBe(true);
    expect(result.error.message.length).toBeGreaterThan(10);
  }
  return result;
}

const ders = expected.csr.map((c) => {
  const r = decodeCsr(fixtureBytes(c.file));
  if (!r.ok) throw new Error(c.file);
  return r.value.der;
});

const derArb = fc.constantFrom(...ders);

/** Mutations of a real CSR's DER: bit flips, truncation, rewritten length-ish bytes, splices. */
const mutatedDer = fc.oneof(
  fc
    .tuple(derArb, fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 8 }))
    .map(([der, flips]) => {
      const out = der.slice();
      for (const [i, bit] of flips) {
        const j = i % out.length;
        out[j] = (out[j] ?? 0) ^ (1 << bit);
      }
      return out;
    }),
  fc.tuple(derArb, fc.nat()).map(([der, n]) => der.slice(0, n % der.length)),
  fc
    .tuple(derArb, fc.nat(), fc.constantFrom(0x00, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x88, 0xff))
    .map(([der, i, v]) => {
      const out = der.slice();
      out[i % out.length] = v;
      return out;
    }),
  fc.tuple(derArb, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([der, i, extra]) => {
    const at = i % der.length;
    return new Uint8Array([...der.subarray(0, at), ...extra, ...der.subarray(at)]);
  }),
);

describe("decodeCsr never throws and answers quickly", () => {
  it("arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (s) => {
        decodesOrRefuses(s);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("arbitrary PEM-looking strings", () => {
    const label = fc.constantFrom(
      "CERTIFICATE REQUEST",
      "NEW CERTIFICATE REQUEST",
      "CERTIFICATE",
      "PUBLIC KEY",
      "X",
    );
    const body = fc.string({
      unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r -\\"),
      maxLength: 1500,
    });
    fc.assert(
      fc.property(label, body, fc.boolean(), (l, b, end) => {
        decodesOrRefuses(`-----BEGIN ${l}-----\n${b}${end ? `\n-----END ${l}-----` : ""}`);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        decodesOrRefuses(bytes);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("arbitrary bytes behind a SEQUENCE header", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(4), (bytes, octets) => {
        const len = bytes.length;
        const header = octets === 0 && len < 128 ? [0x30, len] : [0x30, 0x82, len >> 8, len & 0xff];
        decodesOrRefuses(new Uint8Array([...header, ...bytes]));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("mutated real CSRs, as DER and as PEM, and their previews and lint", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDer, fc.boolean(), async (der, asPem) => {
        const input = asPem
          ? `-----BEGIN CERTIFICATE REQUEST-----\n${encodeBase64(der)}\n-----END CERTIFICATE REQUEST-----`
          : der;
        const result = decodesOrRefuses(input);
        if (!result.ok) return;
        const preview = await previewCsr(result.value, { crypto: nodeCryptoProvider });
        expect(typeof preview.subject).toBe("string");
        lintCsr(preview);
        toWire(result.value);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

/** The same DER written the ways people paste it. */
const forms: Record<string, (der: Uint8Array, width: number) => string | Uint8Array> = {
  der: (der) => der,
  pemLf: (der) => toPem({ der } as never),
  crlf: (der, w) => wrap(der, w, "\r\n"),
  cr: (der, w) => wrap(der, w, "\r"),
  jsonLf: (der, w) => JSON.stringify(wrap(der, w, "\n")),
  jsonCrlfBare: (der, w) => JSON.stringify(wrap(der, w, "\r\n")).slice(1, -1),
  bareBase64: (der, w) => chunk(encodeBase64(der), w).join("\n"),
  bareOneLine: (der) => encodeBase64(der),
  padded: (der, w) => `\n \t\n${wrap(der, w, "\n")}\n\t  \n`,
};

function chunk(s: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

function wrap(der: Uint8Array, width: number, nl: string): string {
  const body = chunk(encodeBase64(der), width);
  return ["-----BEGIN CERTIFICATE REQUEST-----", ...body, "-----END CERTIFICATE REQUEST-----"].join(nl);
}

describe("every input form of the same CSR decodes to identical DER", () => {
  it("for every fixture, form and line width", () => {
    fc.assert(
      fc.property(
        derArb,
        fc.constantFrom(...Object.keys(forms)),
        fc.integer({ min: 4, max: 120 }),
        (der, form, width) => {
          const write = forms[form];
          if (write === undefined) throw new Error(form);
          const result = decodeCsr(write(der, width));
          if (!result.ok) throw new Error(`${form}/${width}: ${result.error.code}`);
          // Buffer.compare: Vitest's deep equality is 100x slower on 6 KB arrays.
          expect(Buffer.compare(result.value.der, der)).toBe(0);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

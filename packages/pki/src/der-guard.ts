/**
 * Deepest nesting of constructed elements accepted. A CSR needs about 9 (RSA-PSS parameters inside
 * the SubjectPublicKeyInfo), a certificate about 10; 32 leaves room for odd but honest encoders.
 */
export const MAX_DER_DEPTH = 32;

/** What the guard found wrong, before any parser sees the bytes. */
export type GuardFault =
  | { kind: "not-sequence" }
  | { kind: "length-invalid" }
  | { kind: "truncated" }
  | { kind: "trailing-data"; extra: number }
  | { kind: "too-deep" };

/** Longest length field accepted: 4 octets, far above any input we accept (64 KiB). */
const MAX_LENGTH_OCTETS = 4;

/** A malformed length field, or one that runs past the element's parent. */
type HeaderFault = "length-invalid" | "beyond-end";

/** One element's identifier octet and where its content starts and ends. */
interface Header {
  readonly tag: number;
  readonly contentStart: number;
  readonly end: number;
}

/** Reads the header of the element at `pos`, which must end at or before `limit`. */
function readHeader(buf: Uint8Array, pos: number, limit: number): Header | HeaderFault {
  if (pos + 2 > limit) return "beyond-end";
  const tag = buf[pos] ?? 0;
  // High-tag-number form never occurs in X.509 or PKCS#10; refusing it keeps tags one octet.
  if ((tag & 0x1f) === 0x1f) return "length-invalid";
  const first = buf[pos + 1] ?? 0;
  let length = first;
  let contentStart = pos + 2;
  if (first >= 0x80) {
    const octets = first & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; more than 4 octets overflows.
    if (octets === 0 || octets > MAX_LENGTH_OCTETS) return "length-invalid";
    if (contentStart + octets > limit) return "beyond-end";
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (buf[contentStart + i] ?? 0);
    contentStart += octets;
  }
  const end = contentStart + length;
  return end > limit ? "beyond-end" : { tag, contentStart, end };
}

/** What `structureFault` can find wrong with any one element. */
export type StructureFault = Exclude<GuardFault, { kind: "not-sequence" }>;

/**
 * The structural check of everything handed to asn1js (under @peculiar/asn1-schema), which cannot
 * be trusted with it: it parses recursively, accepts BER, lets an element run past the end of its
 * parent, and reports what it refuses only as free text on its result tree. The walk visits every
 * header once without recursion: each length must be well formed (definite, at most 4 octets) and
 * fit inside its parent, nesting must stay within `maxDepth`, and the element must end exactly at
 * the end of `der`. It runs in time linear in the input and constant memory per level, so 10,000
 * nested SEQUENCEs or a 2^64 length cost microseconds, not a stack overflow. Returns undefined
 * when the bytes pass.
 */
export function structureFault(
  der: Uint8Array,
  maxDepth: number = MAX_DER_DEPTH,
): StructureFault | undefined {
  const outer = readHeader(der, 0, Number.MAX_SAFE_INTEGER);
  if (outer === "length-invalid") return { kind: "length-invalid" };
  if (outer === "beyond-end") return { kind: "truncated" };
  if (outer.end > der.length) {
    // A length no input we accept could satisfy is malformed, not merely cut short.
    return outer.end - outer.contentStart > 0xffff ? { kind: "length-invalid" } : { kind: "truncated" };
  }
  if (outer.end < der.length) return { kind: "trailing-data", extra: der.length - outer.end };
  if ((outer.tag & 0x20) === 0) return undefined;

  // Stack of the ends of the open constructed elements.
  const ends: number[] = [outer.end];
  let pos = outer.contentStart;
  while (ends.length > 0) {
    const limit = ends[ends.length - 1] ?? 0;
    if (pos === limit) {
      ends.pop();
      continue;
    }
    const header = readHeader(der, pos, limit);
    if (typeof header === "string") return { kind: "length-invalid" };
    if ((header.tag & 0x20) !== 0) {
      if (ends.length >= maxDepth) return { kind: "too-deep" };
      ends.push(header.end);
      pos = header.contentStart;
    } else pos = header.end;
  }
  return undefined;
}

/**
 * The check every input passes before anything parses it: a SEQUENCE (as every CSR,
 * certificate and key is) whose structure passes `structureFault`. Its answer picks the refusal
 * code: CSR_DER_LENGTH_INVALID, CSR_TRUNCATED, CSR_TRAILING_DATA or CSR_NESTING_TOO_DEEP.
 */
export function guardDer(der: Uint8Array, maxDepth: number = MAX_DER_DEPTH): GuardFault | undefined {
  if (der.length < 2 || der[0] !== 0x30) return { kind: "not-sequence" };
  return structureFault(der, maxDepth);
}

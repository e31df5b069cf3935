import { readHeader, type Tlv } from "./der";

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

/**
 * Walks every constructed element of `der` without recursion: each length must be well formed and
 * fit inside its parent, nesting must stay within `maxDepth`, and the outer SEQUENCE must end
 * exactly at the end of the input. Runs in time linear in the input and constant extra memory per
 * level, so 10,000 nested SEQUENCEs or a 2^64 length cost microseconds, not a stack overflow.
 */
export function guardDer(der: Uint8Array, maxDepth: number = MAX_DER_DEPTH): Tlv | GuardFault {
  if (der.length < 2 || der[0] !== 0x30) return { kind: "not-sequence" };
  const outer = readHeader(der, 0, Number.MAX_SAFE_INTEGER);
  if (outer === "tag-invalid" || outer === "length-invalid") return { kind: "length-invalid" };
  if (outer === "beyond-end") return { kind: "truncated" };
  if (outer.end > der.length) {
    // A length no input we accept could satisfy is malformed, not merely cut short.
    return outer.end - outer.contentStart > 0xffff ? { kind: "length-invalid" } : { kind: "truncated" };
  }
  if (outer.end < der.length) return { kind: "trailing-data", extra: der.length - outer.end };

  // Stack of the ends of the open constructed elements; the walk visits each header once.
  const ends: number[] = [outer.end];
  let pos = outer.contentStart;
  while (ends.length > 0) {
    const limit = ends[ends.length - 1] ?? 0;
    if (pos === limit) {
      ends.pop();
      continue;
    }
    const tlv = readHeader(der, pos, limit);
    if (typeof tlv === "string") return { kind: "length-invalid" };
    if ((tlv.tag & 0x20) !== 0) {
      if (ends.length >= maxDepth) return { kind: "too-deep" };
      ends.push(tlv.end);
      pos = tlv.contentStart;
    } else pos = tlv.end;
  }
  return outer;
}

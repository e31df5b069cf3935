/**
 * A small DER writer for the few types a certificate needs. Issuance used @peculiar/x509's
 * generator, whose ASN.1 object model (asn1js) was most of an issuance's CPU time in a CPU
 * profile; these functions write bytes directly. Every function returns one whole element.
 */

/** The length octets of a DER element (definite form, shortest encoding). */
export function derLength(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad DER length ${n}`);
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** An element with the given tag byte whose content is the parts, in order. */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const size = parts.reduce((sum, p) => sum + p.length, 0);
  const length = derLength(size);
  const out = new Uint8Array(1 + length.length + size);
  out[0] = tag;
  out.set(length, 1);
  let at = 1 + length.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const sequence = (...parts: readonly Uint8Array[]) => tlv(0x30, ...parts);
export const octetString = (bytes: Uint8Array) => tlv(0x04, bytes);
export const booleanTrue = () => Uint8Array.of(0x01, 0x01, 0xff);
export const nullValue = () => Uint8Array.of(0x05, 0x00);
/** `[n] EXPLICIT`: a constructed context-specific element around the parts. */
export const explicit = (n: number, ...parts: readonly Uint8Array[]) => tlv(0xa0 | n, ...parts);
/** `[n] IMPLICIT` of a primitive type: the content bytes under a context-specific tag. */
export const implicitPrimitive = (n: number, content: Uint8Array) => tlv(0x80 | n, content);

/** An INTEGER from its unsigned big-endian magnitude (leading zeros dropped, 0x00 added if needed). */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.length === 0 ? Uint8Array.of(0) : magnitude.subarray(start);
  return (trimmed[0] ?? 0) & 0x80 ? tlv(0x02, Uint8Array.of(0), trimmed) : tlv(0x02, trimmed);
}

/** A small non-negative INTEGER. */
export function smallInteger(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad INTEGER ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return unsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (bytes: Uint8Array) => tlv(0x03, Uint8Array.of(0), bytes);

/**
 * A named BIT STRING (like KeyUsage) from flags where 1 << i is bit i (bit 0 is the first, most
 * significant bit); DER drops trailing zero bits (X.690 11.2.2).
 */
export function namedBits(flags: number): Uint8Array {
  if (!Number.isInteger(flags) || flags < 0) throw new RangeError(`bad bit flags ${flags}`);
  if (flags === 0) return Uint8Array.of(0x03, 0x01, 0x00);
  const highest = Math.floor(Math.log2(flags));
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (let i = 0; i <= highest; i++) {
    if (Math.floor(flags / 2 ** i) % 2 === 1) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (0x80 >> (i & 7));
  }
  return tlv(0x03, Uint8Array.of(bytes.length * 8 - (highest + 1)), bytes);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map(Number);
  const [a, b, ...rest] = arcs;
  if (a === undefined || b === undefined || arcs.some((x) => !Number.isSafeInteger(x) || x < 0))
    throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  for (const arc of [40 * a + b, ...rest]) {
    const chunk = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v % 128));
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * A certificate validity time (RFC 5280 4.1.2.5): UTCTime through 2049, GeneralizedTime from
 * 2050, always in UTC with seconds and no fraction (the milliseconds are dropped).
 */
export function x509Time(ms: number): Uint8Array {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const year = d.getUTCFullYear();
  if (year < 1950 || year > 9999) throw new RangeError(`year ${year} out of X.509 range`);
  const rest = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
  return year < 2050
    ? tlv(0x17, Buffer.from(`${two(year % 100)}${rest}`, "latin1"))
    : tlv(0x18, Buffer.from(`${year}${rest}`, "latin1"));
}

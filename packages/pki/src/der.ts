/**
 * A small, bounded DER reader. It never recurses and never reads outside the slice it is given, so
 * hostile input cannot overflow the stack or allocate more than the input itself. Structure
 * readers throw `DerError`; `decodeCsr` and `previewCertificate` catch it at their boundary and turn
 * it into a coded failure, so nothing thrown here leaves the package.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Why a header could not be read: a malformed length, or a length that runs past its parent. */
export type HeaderFault = "length-invalid" | "beyond-end" | "tag-invalid";

/** One TLV: its identifier octet and the offsets of its header, content and end in the buffer. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

/** Thrown by structure readers inside the package only; caught where a Result is made. */
export class DerError extends Error {
  override readonly name = "DerError";
}

/** Longest length field accepted: 4 octets, far above any input we accept (64 KiB). */
const MAX_LENGTH_OCTETS = 4;

/** Reads one TLV header at `pos`; the element must end at or before `limit`. */
export function readHeader(buf: Uint8Array, pos: number, limit: number): Tlv | HeaderFault {
  if (pos + 2 > limit) return "beyond-end";
  const tag = buf[pos] ?? 0;
  // High-tag-number form never occurs in X.509 or PKCS#10; refusing it keeps tags one octet.
  if ((tag & 0x1f) === 0x1f) return "tag-invalid";
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
  if (end > limit) return "beyond-end";
  return { tag, start: pos, contentStart, end };
}

/** Sequential reader over the children of one constructed element (or any slice). */
export class DerReader {
  private pos: number;

  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  /** A reader over the content of `tlv`. */
  static of(buf: Uint8Array, tlv: Tlv): DerReader {
    return new DerReader(buf, tlv.contentStart, tlv.end);
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  peekTag(): number | undefined {
    return this.done ? undefined : this.buf[this.pos];
  }

  next(): Tlv {
    const tlv = readHeader(this.buf, this.pos, this.end);
    if (typeof tlv === "string") throw new DerError(`DER ${tlv} at offset ${this.pos}`);
    this.pos = tlv.end;
    return tlv;
  }

  expect(tag: number, what: string): Tlv {
    if (this.peekTag() !== tag) throw new DerError(`expected ${what}`);
    return this.next();
  }

  optional(tag: number): Tlv | undefined {
    return this.peekTag() === tag ? this.next() : undefined;
  }

  /** Throws unless every child was read: DER allows no unknown trailing members here. */
  finish(what: string): void {
    if (!this.done) throw new DerError(`unexpected data after ${what}`);
  }
}

export const content = (buf: Uint8Array, tlv: Tlv): Uint8Array => buf.subarray(tlv.contentStart, tlv.end);
export const whole = (buf: Uint8Array, tlv: Tlv): Uint8Array => buf.subarray(tlv.start, tlv.end);

/** Dotted form of an OBJECT IDENTIFIER's content octets. */
export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0 || bytes.length > 128) throw new DerError("bad OID length");
  const arcs: string[] = [];
  let value = 0n;
  let small = 0;
  let big = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (big) value = (value << 7n) | BigInt(b & 0x7f);
    else if (small > 0x3ffffffffff) {
      big = true;
      value = (BigInt(small) << 7n) | BigInt(b & 0x7f);
    } else small = small * 128 + (b & 0x7f);
    if (b & 0x80) {
      if (i === bytes.length - 1) throw new DerError("OID ends inside an arc");
      continue;
    }
    if (arcs.length === 0) {
      const first = big ? value : BigInt(small);
      const top = first < 40n ? 0n : first < 80n ? 1n : 2n;
      arcs.push(top.toString(), (first - top * 40n).toString());
    } else arcs.push(big ? value.toString() : String(small));
    small = 0;
    value = 0n;
    big = false;
  }
  return arcs.join(".");
}

/** Reads an OID element and returns its dotted form. */
export const readOid = (r: DerReader, what: string): string => {
  const tlv = r.expect(TAG.OID, what);
  return decodeOid(content(r.buf, tlv));
};

/** Bit length of an unsigned big-endian INTEGER's content (leading zero octets ignored). */
export function unsignedBitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] ?? 0));
}

/** A small non-negative INTEGER (path lengths, versions, salt lengths). */
export function smallInteger(bytes: Uint8Array): number {
  if (bytes.length === 0 || bytes.length > 6 || ((bytes[0] ?? 0) & 0x80) !== 0) {
    throw new DerError("integer out of range");
  }
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

/** The bytes of a BIT STRING with no unused bits (signatures, keys, encapsulated DER). */
export function bitStringBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0 || bytes[0] !== 0) throw new DerError("BIT STRING with unused bits");
  return bytes.subarray(1);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lower-case hex, no separators. */
export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += HEX[b];
  return s;
}

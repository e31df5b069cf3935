import { DerError } from "./der";

/** A decoded ASN.1 string: its type named as Python cryptography names it, and its text. */
export interface Asn1String {
  readonly asn1Type: string;
  readonly value: string;
  /** True when the value is not text (a BIT STRING or an unknown type) and is shown as `#hex`. */
  readonly binary: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

const STRING_TYPES: Readonly<Record<number, string>> = {
  12: "UTF8String",
  18: "NumericString",
  19: "PrintableString",
  20: "T61String",
  22: "IA5String",
  26: "VisibleString",
  28: "UniversalString",
  30: "BMPString",
};

/** Bytes as Latin-1 text: the reading of the 8-bit string types. */
export function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return s;
}

function utf32be(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new DerError("UniversalString length");
  let s = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const cp =
      ((bytes[i] ?? 0) << 24) |
      ((bytes[i + 1] ?? 0) << 16) |
      ((bytes[i + 2] ?? 0) << 8) |
      (bytes[i + 3] ?? 0);
    if (cp < 0 || cp > 0x10ffff) throw new DerError("UniversalString code point");
    s += String.fromCodePoint(cp);
  }
  return s;
}

/** Decodes a string-typed value by its tag; anything else becomes hex, flagged `binary`. */
export function decodeAsn1String(tag: number, bytes: Uint8Array): Asn1String {
  const asn1Type = STRING_TYPES[tag];
  try {
    if (tag === 0x0c) return { asn1Type: "UTF8String", value: utf8.decode(bytes), binary: false };
    if (tag === 0x1e) return { asn1Type: "BMPString", value: utf16be.decode(bytes), binary: false };
    if (tag === 0x1c) return { asn1Type: "UniversalString", value: utf32be(bytes), binary: false };
  } catch (cause) {
    if (cause instanceof DerError) throw cause;
    throw new DerError(`invalid ${asn1Type} text`);
  }
  if (asn1Type !== undefined) return { asn1Type, value: latin1(bytes), binary: false };
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return { asn1Type: tag === 0x03 ? "BitString" : `tag-0x${tag.toString(16)}`, value: hex, binary: true };
}

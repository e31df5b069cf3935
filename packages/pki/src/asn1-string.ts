import type { AttributeValue } from "@peculiar/asn1-x509";
import type * as asn1js from "asn1js";
import { contentOf, parseTree, toHex } from "./asn1";

/** A decoded ASN.1 string: its type named as Python cryptography names it, and its text. */
export interface Asn1String {
  readonly asn1Type: string;
  readonly value: string;
  /** True when the value is not text (a BIT STRING or an unknown type) and is shown as `#hex`. */
  readonly binary: boolean;
}

/** Universal tag numbers of the string types. */
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

const UNIVERSAL = 1;
const BIT_STRING = 3;

/** The identifier octet of a node (low tag numbers only, as in X.509). */
const identifierOf = (node: asn1js.AsnType): number =>
  ((node.idBlock.tagClass - 1) << 6) | (node.idBlock.isConstructed ? 0x20 : 0) | node.idBlock.tagNumber;

/** Any value as asn1js read it: a string type's text, anything else as hex of its content. */
export function describeNode(node: asn1js.AsnType): Asn1String {
  const { tagClass, tagNumber } = node.idBlock;
  const asn1Type = tagClass === UNIVERSAL ? STRING_TYPES[tagNumber] : undefined;
  const text = (node.valueBlock as { value?: unknown }).value;
  if (asn1Type !== undefined && typeof text === "string") return { asn1Type, value: text, binary: false };
  return {
    asn1Type:
      tagClass === UNIVERSAL && tagNumber === BIT_STRING
        ? "BitString"
        : `tag-0x${identifierOf(node).toString(16)}`,
    value: toHex(contentOf(node)),
    binary: true,
  };
}

/** A DirectoryString-like value of a name or attribute, as @peculiar/asn1-x509 read it. */
export function describeValue(value: AttributeValue): Asn1String {
  const text = (asn1Type: string, s: string): Asn1String => ({ asn1Type, value: s, binary: false });
  if (value.utf8String !== undefined) return text("UTF8String", value.utf8String);
  if (value.printableString !== undefined) return text("PrintableString", value.printableString);
  if (value.ia5String !== undefined) return text("IA5String", value.ia5String);
  if (value.teletexString !== undefined) return text("T61String", value.teletexString);
  if (value.bmpString !== undefined) return text("BMPString", value.bmpString);
  if (value.universalString !== undefined) return text("UniversalString", value.universalString);
  // NumericString, VisibleString and non-string values come as the whole element, NULL as null.
  if (value.anyValue === null) return { asn1Type: "tag-0x5", value: "", binary: true };
  if (value.anyValue !== undefined) return describeNode(parseTree(value.anyValue));
  throw new TypeError("empty attribute value");
}

const utf8 = new TextDecoder("utf-8");

/**
 * An IA5String name as text. asn1js reads IA5String octet by octet; some tools put raw UTF-8 in a
 * dNSName, so non-ASCII octets are read as UTF-8 to let the lint say "this IDN is not punycode"
 * instead of showing mojibake.
 */
export function ia5Text(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is exactly the range to test.
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  return utf8.decode(Uint8Array.from(value, (c) => c.charCodeAt(0) & 0xff));
}

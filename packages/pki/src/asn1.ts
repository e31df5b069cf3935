import { AsnParser } from "@peculiar/asn1-schema";
import { hex, toUint8Array } from "@peculiar/utils";
import * as asn1js from "asn1js";
import { MAX_DER_DEPTH, structureFault } from "./der-guard";

/**
 * The seam to asn1js and the @peculiar/asn1-* schemas: every byte the package reads goes through
 * `parseTree`, which runs the structural check of der-guard.ts first (outer inputs, and what is
 * parsed from inside them: extension values, attribute values, keys, signatures).
 */

/** Thrown when bytes are not the one element a schema describes; a coded refusal at the boundary. */
export class Asn1Error extends Error {
  override readonly name = "Asn1Error";
}

const BER_OPTIONS: asn1js.FromBerOptions = {
  // The structural check bounds the depth already; asn1js's own limit backs it up.
  maxDepth: MAX_DER_DEPTH + 1,
  // The content of OCTET and BIT STRINGs is read by its own schema when needed, not guessed at.
  parseEmbedded: false,
  // Callers own the bytes they pass: tree views point into them instead of into a copy.
  copyInput: false,
};

/** Binary values as the schemas and asn1js take and give them. */
export type Binary = ArrayBuffer | ArrayBufferView;

/** A view (no copy) of any binary value the schemas hand out; they type raw values as ArrayBuffer. */
export const bytes = (source: Binary): Uint8Array => toUint8Array(source);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Refuses a UTF8String whose octets are not UTF-8: asn1js then falls back to reading it octet by
 * octet, while X.690 and Python cryptography refuse it. The walk uses a stack, not recursion.
 */
function assertUtf8Strings(tree: asn1js.AsnType): void {
  const stack = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node instanceof asn1js.Utf8String) {
      try {
        utf8.decode(node.valueBlock.valueHexView);
      } catch {
        throw new Asn1Error("a UTF8String is not UTF-8");
      }
    } else stack.push(...childrenOf(node));
  }
}

/** asn1js's tree of exactly one element: refused when asn1js reports an error or bytes follow it. */
export function parseTree(source: Binary): asn1js.AsnType {
  const view = bytes(source);
  const fault = structureFault(view);
  if (fault !== undefined) throw new Asn1Error(`malformed DER (${fault.kind})`);
  const { offset, result } = asn1js.fromBER(view, BER_OPTIONS);
  if (offset === -1 || result.error !== "") throw new Asn1Error(result.error || "not BER");
  if (offset !== view.length) throw new Asn1Error("bytes after the element");
  assertUtf8Strings(result);
  return result;
}

/** A parsed tree read into an @peculiar/asn1-* schema; throws when it does not fit. */
export function fromTree<T>(tree: asn1js.AsnType, schema: new () => T): T {
  try {
    return AsnParser.fromASN(tree, schema);
  } catch (cause) {
    throw new Asn1Error(cause instanceof Error ? cause.message : "does not fit the schema");
  }
}

/** Exactly one element of `source`, read into the schema. */
export const parseAs = <T>(source: Binary, schema: new () => T): T => fromTree(parseTree(source), schema);

/** The children of a constructed node of a tree (none for a primitive one). */
export function childrenOf(node: asn1js.AsnType): asn1js.AsnType[] {
  // Primitive value blocks also hold arrays (an OID's arcs): only constructed ones hold nodes.
  if (!node.idBlock.isConstructed) return [];
  const value = (node.valueBlock as { value?: unknown }).value;
  return Array.isArray(value) ? (value as asn1js.AsnType[]) : [];
}

/** The whole encoding of a node, header included, as a view into the parsed bytes. */
export const encodingOf = (node: asn1js.AsnType): Uint8Array => node.valueBeforeDecodeView;

/** The content octets of a node (its encoding without the identifier and length octets). */
export const contentOf = (node: asn1js.AsnType): Uint8Array =>
  node.valueBeforeDecodeView.subarray(node.idBlock.blockLength + node.lenBlock.blockLength);

/** Lower-case hex, no separators. */
export const toHex = (source: Binary): string => hex.encode(source);

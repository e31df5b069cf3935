import { DerReader, TAG, type Tlv } from "./der";

/** What a guarded DER structure looks like, judged from its first two levels only. */
export type DerShape = "csr" | "certificate" | "public-key" | "private-key" | "unknown";

function tags(buf: Uint8Array, tlv: Tlv, max: number): number[] {
  const out: number[] = [];
  const r = DerReader.of(buf, tlv);
  while (!r.done && out.length < max) out.push(r.next().tag);
  return out;
}

/**
 * Classifies a SEQUENCE so a refusal can say what was pasted: a CertificationRequest, a
 * Certificate, a SubjectPublicKeyInfo or PKCS#1 public key, or a private key (PKCS#8, encrypted
 * PKCS#8, PKCS#1 RSA, SEC1 EC, DSA). Only tags are read, never a key's content.
 */
export function derShape(buf: Uint8Array, outer: Tlv): DerShape {
  const top = tags(buf, outer, 12);
  const [a, b, c] = top;
  if (a === TAG.INTEGER) {
    if (b === TAG.OCTET_STRING) return "private-key";
    if (b === TAG.SEQUENCE && c === TAG.OCTET_STRING) return "private-key";
    if (top.length >= 6 && top.every((t) => t === TAG.INTEGER)) return "private-key";
    if (top.length === 2 && b === TAG.INTEGER) return "public-key";
    return "unknown";
  }
  if (top.length === 2 && a === TAG.SEQUENCE && b === TAG.OCTET_STRING) return "private-key";
  if (top.length === 2 && a === TAG.SEQUENCE && b === TAG.BIT_STRING) return "public-key";
  if (top.length !== 3 || a !== TAG.SEQUENCE || b !== TAG.SEQUENCE || c !== TAG.BIT_STRING) return "unknown";
  const r = DerReader.of(buf, outer);
  const inner = tags(buf, r.next(), 12);
  if (inner[0] === 0xa0 || inner.length >= 6) return "certificate";
  if (inner.length === 4 && inner[0] === TAG.INTEGER && inner[3] === 0xa0) return "csr";
  return "unknown";
}

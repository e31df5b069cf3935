import { EncryptedPrivateKeyInfo, OneAsymmetricKey } from "@peculiar/asn1-asym-key";
import { CertificationRequest } from "@peculiar/asn1-csr";
import { ECPrivateKey } from "@peculiar/asn1-ecc";
import { RSAPrivateKey, RSAPublicKey } from "@peculiar/asn1-rsa";
import { AsnIntegerArrayBufferConverter, AsnProp, AsnPropTypes } from "@peculiar/asn1-schema";
import { Certificate, SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import type * as asn1js from "asn1js";
import { fromTree, parseTree } from "./asn1";

/** What a guarded DER structure is, so a refusal can say what was pasted. */
export type DerShape = "csr" | "certificate" | "public-key" | "private-key" | "unknown";

/** A shape, and for a CSR the request @peculiar/asn1-csr read and asn1js's tree it was read from. */
export type Judged =
  | { readonly shape: "csr"; readonly request: CertificationRequest; readonly tree: asn1js.AsnType }
  | { readonly shape: Exclude<DerShape, "csr"> };

/** OpenSSL's traditional DSA private key (version, p, q, g, y, x): no @peculiar package has it. */
class DsaPrivateKey {
  version = new ArrayBuffer(0);
  p = new ArrayBuffer(0);
  q = new ArrayBuffer(0);
  g = new ArrayBuffer(0);
  y = new ArrayBuffer(0);
  x = new ArrayBuffer(0);
}
// asn1-schema's decorators, applied as calls: the workspace's tools do not all compile decorators.
for (const field of ["version", "p", "q", "g", "y", "x"]) {
  AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })(
    DsaPrivateKey.prototype,
    field,
  );
}

/**
 * The schemas tried after CertificationRequest, in order. Private keys come before public keys:
 * asn1-schema ignores elements after the last one a schema names, so an RSA private key would
 * also fit RSAPublicKey. A key is only matched: nothing of it is kept, shown or logged.
 */
const OTHER_SHAPES: readonly [Exclude<DerShape, "csr" | "unknown">, new () => unknown][] = [
  ["certificate", Certificate],
  // PKCS#8 and RFC 5958, encrypted PKCS#8, PKCS#1 RSA, SEC1 EC, DSA.
  ["private-key", OneAsymmetricKey],
  ["private-key", EncryptedPrivateKeyInfo],
  ["private-key", RSAPrivateKey],
  ["private-key", ECPrivateKey],
  ["private-key", DsaPrivateKey],
  // SubjectPublicKeyInfo, PKCS#1 RSA public key.
  ["public-key", SubjectPublicKeyInfo],
  ["public-key", RSAPublicKey],
];

/**
 * Classifies DER that passed `guardDer` by the first @peculiar/asn1-* schema it fits: a
 * CertificationRequest (returned with its parse, the only shape that is read further), a
 * Certificate, a private key of any kind, a public key, or none of them.
 */
export function judgeShape(der: Uint8Array): Judged {
  let tree: asn1js.AsnType;
  try {
    tree = parseTree(der);
  } catch {
    return { shape: "unknown" };
  }
  try {
    return { shape: "csr", request: fromTree(tree, CertificationRequest), tree };
  } catch {
    // Not a request: what else it is only names the refusal.
  }
  for (const [shape, schema] of OTHER_SHAPES) {
    try {
      // A fresh tree each time: reading a tree into a schema may annotate it.
      fromTree(parseTree(der), schema);
      return { shape };
    } catch {
      // Try the next shape.
    }
  }
  return { shape: "unknown" };
}

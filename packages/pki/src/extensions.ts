import type { Extensions, SubjectAltName } from "@pca/contracts";
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  type Extension,
  KeyUsage,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from "@peculiar/asn1-x509";
import { Asn1Error, parseAs, toHex } from "./asn1";
import { readGeneralNames } from "./general-names";
import { EKU_NAMES, EXTENSION_NAMES, KEY_USAGE_BITS, OID } from "./oids";

/** Extensions decoded, and the SAN list pulled out of subjectAltName. */
export interface ReadExtensions {
  readonly extensions: Extensions;
  readonly subjectAltNames: SubjectAltName[];
}

function keyUsage(value: ArrayBuffer): string[] {
  const flags = parseAs(value, KeyUsage).toNumber();
  return KEY_USAGE_BITS.filter((_, bit) => Math.floor(flags / 2 ** bit) % 2 === 1);
}

function extKeyUsage(value: ArrayBuffer): { oid: string; name?: string }[] {
  return Array.from(parseAs(value, ExtendedKeyUsage), (oid) => {
    const name = EKU_NAMES[oid];
    return name === undefined ? { oid } : { oid, name };
  });
}

function basicConstraints(value: ArrayBuffer): { ca: boolean; pathLength: number | null } {
  const { cA, pathLenConstraint } = parseAs(value, BasicConstraints);
  if (pathLenConstraint === undefined) return { ca: cA, pathLength: null };
  // asn1-schema gives INTEGERs of four octets or more as decimal strings.
  const pathLength = Number(pathLenConstraint);
  if (!Number.isSafeInteger(pathLength) || pathLength < 0) throw new Asn1Error("pathLenConstraint");
  return { ca: cA, pathLength };
}

/**
 * Reads the Extensions of a CSR's extensionRequest or of a certificate, as @peculiar/asn1-x509
 * read them. Known extensions are decoded with their schemas; any other is kept by OID with its
 * critical flag, as @peculiar/x509's ExtensionFactory falls back to a generic Extension. A
 * duplicated OID is refused (RFC 5280 §4.2), as Python cryptography does.
 */
export function readExtensions(list: Iterable<Extension>): ReadExtensions {
  const extensions: Extensions = { other: [] };
  let subjectAltNames: SubjectAltName[] = [];
  const seen = new Set<string>();
  for (const { extnID: oid, critical, extnValue } of list) {
    if (seen.has(oid)) throw new Asn1Error(`duplicate extension ${oid}`);
    seen.add(oid);
    const value = extnValue.buffer;
    switch (oid) {
      case OID.subjectAltName:
        subjectAltNames = readGeneralNames(parseAs(value, SubjectAlternativeName));
        extensions.subjectAltName = { critical };
        break;
      case OID.keyUsage:
        extensions.keyUsage = { critical, values: keyUsage(value) };
        break;
      case OID.extKeyUsage:
        extensions.extendedKeyUsage = { critical, values: extKeyUsage(value) };
        break;
      case OID.basicConstraints:
        extensions.basicConstraints = { critical, ...basicConstraints(value) };
        break;
      case OID.subjectKeyIdentifier:
        extensions.subjectKeyIdentifier = {
          critical,
          value: toHex(parseAs(value, SubjectKeyIdentifier).buffer),
        };
        break;
      case OID.authorityKeyIdentifier: {
        const keyId = parseAs(value, AuthorityKeyIdentifier).keyIdentifier;
        extensions.authorityKeyIdentifier = { critical, keyIdentifier: keyId ? toHex(keyId.buffer) : null };
        break;
      }
      default: {
        const name = EXTENSION_NAMES[oid];
        const entry = { oid, critical, length: value.byteLength };
        extensions.other.push(name === undefined ? entry : { ...entry, name });
      }
    }
  }
  return { extensions, subjectAltNames };
}

import type { Extensions, SubjectAltName } from "@pca/contracts";
import { content, DerError, DerReader, readOid, smallInteger, TAG, type Tlv, toHex } from "./der";
import { readGeneralNames } from "./general-names";
import { EKU_NAMES, EXTENSION_NAMES, KEY_USAGE_BITS, OID } from "./oids";

/** Extensions decoded, and the SAN list pulled out of subjectAltName. */
export interface ReadExtensions {
  readonly extensions: Extensions;
  readonly subjectAltNames: SubjectAltName[];
}

/** A DER value that must fill the whole extnValue OCTET STRING. */
function single(bytes: Uint8Array, tag: number, what: string): Tlv {
  const r = new DerReader(bytes, 0, bytes.length);
  const tlv = r.expect(tag, what);
  r.finish(what);
  return tlv;
}

function keyUsage(bytes: Uint8Array): string[] {
  const bits = content(bytes, single(bytes, TAG.BIT_STRING, "keyUsage"));
  if (bits.length === 0 || (bits[0] ?? 0) > 7) throw new DerError("keyUsage bits");
  const values: string[] = [];
  KEY_USAGE_BITS.forEach((name, i) => {
    const octet = bits[1 + (i >> 3)];
    if (octet !== undefined && (octet & (0x80 >> (i & 7))) !== 0) values.push(name);
  });
  return values;
}

function extKeyUsage(bytes: Uint8Array): { oid: string; name?: string }[] {
  const r = DerReader.of(bytes, single(bytes, TAG.SEQUENCE, "extendedKeyUsage"));
  const values: { oid: string; name?: string }[] = [];
  while (!r.done) {
    const oid = readOid(r, "key purpose");
    const name = EKU_NAMES[oid];
    values.push(name === undefined ? { oid } : { oid, name });
  }
  return values;
}

function basicConstraints(bytes: Uint8Array): { ca: boolean; pathLength: number | null } {
  const r = DerReader.of(bytes, single(bytes, TAG.SEQUENCE, "basicConstraints"));
  const caTlv = r.optional(TAG.BOOLEAN);
  const pathTlv = r.optional(TAG.INTEGER);
  r.finish("basicConstraints");
  const ca = caTlv !== undefined && (content(bytes, caTlv)[0] ?? 0) !== 0;
  return { ca, pathLength: pathTlv === undefined ? null : smallInteger(content(bytes, pathTlv)) };
}

function authorityKeyIdentifier(bytes: Uint8Array): string | null {
  const r = DerReader.of(bytes, single(bytes, TAG.SEQUENCE, "authorityKeyIdentifier"));
  const keyId = r.optional(0x80);
  return keyId === undefined ? null : toHex(content(bytes, keyId));
}

/**
 * Reads an Extensions SEQUENCE. Known extensions are decoded; any other is kept by OID with its
 * critical flag, as @peculiar/x509's ExtensionFactory falls back to a generic Extension. A
 * duplicated OID is refused (RFC 5280 §4.2), as Python cryptography does.
 */
export function readExtensions(buf: Uint8Array, seq: Tlv): ReadExtensions {
  if (seq.tag !== TAG.SEQUENCE) throw new DerError("Extensions is not a SEQUENCE");
  const extensions: Extensions = { other: [] };
  let subjectAltNames: SubjectAltName[] = [];
  const seen = new Set<string>();
  const r = DerReader.of(buf, seq);
  while (!r.done) {
    const ext = DerReader.of(buf, r.expect(TAG.SEQUENCE, "Extension"));
    const oid = readOid(ext, "extnID");
    const criticalTlv = ext.optional(TAG.BOOLEAN);
    const critical = criticalTlv !== undefined && (content(buf, criticalTlv)[0] ?? 0) !== 0;
    const value = content(buf, ext.expect(TAG.OCTET_STRING, "extnValue"));
    ext.finish("Extension");
    if (seen.has(oid)) throw new DerError(`duplicate extension ${oid}`);
    seen.add(oid);
    switch (oid) {
      case OID.subjectAltName:
        subjectAltNames = readGeneralNames(value, single(value, TAG.SEQUENCE, "subjectAltName"));
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
          value: toHex(content(value, single(value, TAG.OCTET_STRING, "subjectKeyIdentifier"))),
        };
        break;
      case OID.authorityKeyIdentifier:
        extensions.authorityKeyIdentifier = { critical, keyIdentifier: authorityKeyIdentifier(value) };
        break;
      default: {
        const name = EXTENSION_NAMES[oid];
        const entry = { oid, critical, length: value.length };
        extensions.other.push(name === undefined ? entry : { ...entry, name });
      }
    }
  }
  return { extensions, subjectAltNames };
}

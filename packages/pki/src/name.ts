import type { DistinguishedName, NameAttribute, Rdn } from "@pca/contracts";
import { decodeAsn1String } from "./asn1-string";
import { content, DerError, DerReader, readOid, TAG, type Tlv } from "./der";
import { NAME_ATTRIBUTE_NAMES } from "./oids";
import { toRfc4514 } from "./rfc4514";

/** Reads a Name (SEQUENCE OF RDN) into its RDNs in DER order and its RFC 4514 string. */
export function readName(buf: Uint8Array, name: Tlv): DistinguishedName {
  if (name.tag !== TAG.SEQUENCE) throw new DerError("Name is not a SEQUENCE");
  const rdns: Rdn[] = [];
  const binary = new Set<object>();
  const seq = DerReader.of(buf, name);
  while (!seq.done) {
    const set = DerReader.of(buf, seq.expect(TAG.SET, "RDN SET"));
    const rdn: NameAttribute[] = [];
    while (!set.done) {
      const atv = DerReader.of(buf, set.expect(TAG.SEQUENCE, "AttributeTypeAndValue"));
      const oid = readOid(atv, "attribute type");
      const valueTlv = atv.next();
      atv.finish("attribute value");
      const decoded = decodeAsn1String(valueTlv.tag, content(buf, valueTlv));
      const attribute: NameAttribute = {
        oid,
        name: NAME_ATTRIBUTE_NAMES[oid] ?? oid,
        asn1Type: decoded.asn1Type,
        value: decoded.value,
      };
      if (decoded.binary) binary.add(attribute);
      rdn.push(attribute);
    }
    if (rdn.length === 0) throw new DerError("empty RDN");
    rdns.push(rdn);
  }
  return { rfc4514: toRfc4514(rdns, binary), rdns };
}

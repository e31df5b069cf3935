import type { DistinguishedName, NameAttribute, Rdn } from "@pca/contracts";
import type { Name } from "@peculiar/asn1-x509";
import { Asn1Error } from "./asn1";
import { describeValue } from "./asn1-string";
import { NAME_ATTRIBUTE_NAMES } from "./oids";
import { toRfc4514 } from "./rfc4514";

/** A Name as @peculiar/asn1-x509 read it: its RDNs in DER order and its RFC 4514 string. */
export function readName(name: Name): DistinguishedName {
  const rdns: Rdn[] = [];
  const binary = new Set<object>();
  for (const rdn of name) {
    if (rdn.length === 0) throw new Asn1Error("empty RDN");
    const attributes: NameAttribute[] = [];
    for (const { type, value } of rdn) {
      const decoded = describeValue(value);
      const attribute: NameAttribute = {
        oid: type,
        name: NAME_ATTRIBUTE_NAMES[type] ?? type,
        asn1Type: decoded.asn1Type,
        value: decoded.value,
      };
      if (decoded.binary) binary.add(attribute);
      attributes.push(attribute);
    }
    rdns.push(attributes);
  }
  return { rfc4514: toRfc4514(rdns, binary), rdns };
}

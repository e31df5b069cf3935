import type { Rdn } from "@pca/contracts";
import type { DnFields } from "../state/names";

/** Most significant first, as a subject is conventionally written (C, ST, L, O, OU, CN). */
const FIELDS: readonly [keyof DnFields, string][] = [
  ["country", "C"],
  ["state", "ST"],
  ["locality", "L"],
  ["organization", "O"],
  ["organizational_unit", "OU"],
  ["common_name", "CN"],
];

const FIELD_OIDS: readonly [keyof DnFields, string][] = [
  ["common_name", "2.5.4.3"],
  ["country", "2.5.4.6"],
  ["state", "2.5.4.8"],
  ["locality", "2.5.4.7"],
  ["organization", "2.5.4.10"],
  ["organizational_unit", "2.5.4.11"],
];

/**
 * The six subject fields CCM reports, each the first value of its attribute in DER order (as
 * @peculiar/x509's `Name.getField` gives it), null when absent; from @pca/pki's decoded RDNs.
 */
export function dnFieldsOfRdns(rdns: readonly Rdn[]): DnFields {
  const first = (oid: string): string | null => {
    for (const rdn of rdns) for (const attribute of rdn) if (attribute.oid === oid) return attribute.value;
    return null;
  };
  const fields: Record<keyof DnFields, string | null> = {
    common_name: null,
    country: null,
    state: null,
    locality: null,
    organization: null,
    organizational_unit: null,
  };
  for (const [field, oid] of FIELD_OIDS) fields[field] = first(oid);
  return fields;
}

/** An X.500 name string for a subject given as CCM's fields (used by the seed). */
export function nameOf(dn: DnFields): string {
  const parts: string[] = [];
  for (const [field, short] of FIELDS) {
    const value = dn[field];
    if (value !== null) parts.push(`${short}=${value.replace(/([,+"\\<>;=#])/g, "\\$1")}`);
  }
  return parts.join(", ");
}

import type { DnFields } from "../state/names";
import type { x509 } from "./crypto";

/** Most significant first, as a subject is conventionally written (C, ST, L, O, OU, CN). */
const FIELDS: readonly [keyof DnFields, string][] = [
  ["country", "C"],
  ["state", "ST"],
  ["locality", "L"],
  ["organization", "O"],
  ["organizational_unit", "OU"],
  ["common_name", "CN"],
];

/** The six subject fields CCM reports, each the first value of its attribute, null when absent. */
export function dnFieldsOf(name: x509.Name): DnFields {
  const first = (short: string): string | null => name.getField(short)[0] ?? null;
  return {
    common_name: first("CN"),
    country: first("C"),
    state: first("ST"),
    locality: first("L"),
    organization: first("O"),
    organizational_unit: first("OU"),
  };
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

import type { Rdn } from "@pca/contracts";
import { RFC4514_NAMES } from "./oids";

/**
 * Escapes one attribute value exactly as Python cryptography's `_escape_dn_value` does, so the
 * console shows the string security tools print: backslash before `\ " + , ; < >`, `\00` for NUL,
 * a leading `#` or space and a trailing space escaped, non-ASCII left as UTF-8.
 */
export function escapeRfc4514Value(value: string): string {
  if (value === "") return "";
  let out = value.replace(/[\\"+,;<>]/g, (c) => `\\${c}`).replace(/\0/g, "\\00");
  if (out.startsWith("#") || out.startsWith(" ")) out = `\\${out}`;
  if (out.endsWith(" ")) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/**
 * The RFC 4514 string of a name given as RDNs in DER order: RDNs reversed (most significant last),
 * joined by `,`; attributes of one RDN in DER order joined by `+`. `binary` marks values that are
 * written as `#hex` (BIT STRING attributes).
 */
export function toRfc4514(rdns: readonly Rdn[], binary: ReadonlySet<object> = new Set()): string {
  const parts: string[] = [];
  for (let i = rdns.length - 1; i >= 0; i--) {
    const rdn = rdns[i] ?? [];
    parts.push(
      rdn
        .map((a) => {
          const type = RFC4514_NAMES[a.oid] ?? a.oid;
          return `${type}=${binary.has(a) ? `#${a.value}` : escapeRfc4514Value(a.value)}`;
        })
        .join("+"),
    );
  }
  return parts.join(",");
}

/**
 * An iPAddress general name as Python's ipaddress prints it, from @peculiar/asn1-x509's text
 * (dotted IPv4, RFC 5952 IPv6: lower case, no leading zeros, the longest run of two or more zero
 * groups as `::`, the first on a tie). The one difference is the IPv4-mapped range, which Python
 * writes `::ffff:a.b.c.d`. Anything else (an address and mask, from name constraints) is kept as
 * the library writes it.
 */
export function formatIp(text: string): string {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(text);
  if (mapped === null) return text;
  const high = Number.parseInt(mapped[1] ?? "0", 16);
  const low = Number.parseInt(mapped[2] ?? "0", 16);
  return `::ffff:${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/**
 * Text form of an iPAddress general name: dotted IPv4, or IPv6 in RFC 5952 form (lower case, no
 * leading zeros, the longest run of two or more zero groups as `::`, the first on a tie, and the
 * IPv4-mapped range written `::ffff:a.b.c.d`), as Python's ipaddress prints them. Other lengths
 * (an address and mask, from name constraints) are written as hex.
 */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join(".");
  if (bytes.length !== 16) return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${Array.from(bytes.subarray(12)).join(".")}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  const head = hex.slice(0, bestStart).join(":");
  const tail = hex.slice(bestStart + bestLength).join(":");
  return `${head}::${tail}`;
}

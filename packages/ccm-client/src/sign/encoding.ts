/**
 * Percent-encoding as the SDK-HMAC-SHA256 canonical request uses it (reference §6.1 steps 6-7):
 * the RFC 3986 unreserved set `A-Z a-z 0-9 - . _ ~` is kept, every other UTF-8 byte becomes `%XX`
 * with uppercase hex. Space is `%20` (never `+`), `*` is `%2A`, `/` is `%2F`.
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = "0123456789ABCDEF";

/** Characters encodeURIComponent leaves alone but the SDK encodes. */
const SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

/**
 * Encodes a string the way the Node SDK's `AKSKSigner.urlEncode` does for well-formed UTF-16.
 * Throws URIError on a lone surrogate (the SDK throws or emits garbage there too).
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes raw bytes with the same unreserved set; `keep` lists extra ASCII bytes left as they are. */
export function percentEncodeBytes(bytes: Uint8Array, keep = ""): string {
  let out = "";
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (b < 0x80 && (UNRESERVED.test(c) || keep.includes(c))) out += c;
    else out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

const hexValue = (code: number): number => {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
};

/**
 * Decodes `%XX` escapes into bytes; a `%` not followed by two hex digits stays literal, as Go's
 * lenient servers and most gateways treat it. With `plusIsSpace`, `+` decodes to a space
 * (form encoding: Go's SDK puts query spaces on the wire as `+`).
 */
export function percentDecodeToBytes(value: string, plusIsSpace = false): Uint8Array {
  const utf8 = new TextEncoder().encode(value);
  const out = new Uint8Array(utf8.length);
  let n = 0;
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i] ?? 0;
    if (b === 0x25 && i + 2 < utf8.length) {
      const hi = hexValue(utf8[i + 1] ?? 0);
      const lo = hexValue(utf8[i + 2] ?? 0);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = plusIsSpace && b === 0x2b ? 0x20 : b;
  }
  return out.subarray(0, n);
}

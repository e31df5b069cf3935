/**
 * Strict base64 for PEM bodies, written out because the browser has no Buffer and `atob` accepts
 * and rejects other things than RFC 4648 says. Whitespace must already be removed.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** True when every character is in the base64 alphabet or is `=`. */
export function isBase64Alphabet(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 61 && (c >= 128 || (VALUE[c] ?? -1) < 0)) return false;
  }
  return true;
}

/**
 * Decodes base64 with optional `=` padding. Returns null for any character outside the alphabet,
 * padding anywhere but the end, or a length no encoder produces (4n+1).
 */
export function decodeBase64(text: string): Uint8Array | null {
  let len = text.length;
  let pad = 0;
  while (pad < 2 && len > 0 && text.charCodeAt(len - 1) === 61) {
    len--;
    pad++;
  }
  if (len % 4 === 1 || (pad > 0 && (len + pad) % 4 !== 0)) return null;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (VALUE[c] ?? -1) : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let s = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}${ALPHABET[n & 63]}`;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest > 1 ? (bytes[i + 1] ?? 0) << 8 : 0);
    s += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}`;
    s += rest > 1 ? `${ALPHABET[(n >> 6) & 63]}=` : "==";
  }
  return s;
}

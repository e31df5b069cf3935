import { randomFillSync } from "node:crypto";

/**
 * Random bytes drawn from node:crypto's CSPRNG 4 KiB at a time: a request id and a serial number
 * per issuance each cost a copy out of the pool rather than a call into OpenSSL (in a CPU profile,
 * crypto.getRandomValues for the serial alone was ~2% of an issuance's CPU). Every byte is handed
 * out once.
 */
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

function take(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new RangeError(`1 to 256 random bytes, not ${n}`);
  if (offset + n > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const at = offset;
  offset += n;
  return at;
}

/** `n` (1-256) fresh random bytes, a copy of its own. */
export function randomBytesPooled(n: number): Buffer {
  const at = take(n);
  return Buffer.from(POOL.subarray(at, at + n));
}

/** `n` (1-256) fresh random bytes as 2n lowercase hex digits. */
export function randomHex(n: number): string {
  const at = take(n);
  return POOL.toString("hex", at, at + n);
}

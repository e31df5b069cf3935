import { latin1 } from "./asn1-string";
import { DerError, TAG, type Tlv } from "./der";

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/;

/** Milliseconds since the epoch of an X.509 Time (RFC 5280 §4.1.2.5: UTCTime years 50-99 are 19xx). */
export function readTime(buf: Uint8Array, tlv: Tlv): number {
  const text = latin1(buf.subarray(tlv.contentStart, tlv.end));
  const m =
    tlv.tag === TAG.UTC_TIME
      ? UTC.exec(text)
      : tlv.tag === TAG.GENERALIZED_TIME
        ? GENERALIZED.exec(text)
        : null;
  if (m === null) throw new DerError("invalid Time");
  const y = Number(m[1]);
  const year = tlv.tag === TAG.GENERALIZED_TIME ? y : y < 50 ? 2000 + y : 1900 + y;
  const [, , mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(year, (mo ?? 1) - 1, d, h, mi, s);
  if (Number.isNaN(ms)) throw new DerError("invalid Time");
  return ms;
}

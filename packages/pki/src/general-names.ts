import type { SubjectAltName } from "@pca/contracts";
import { decodeAsn1String } from "./asn1-string";
import { content, DerError, DerReader, decodeOid, readOid, TAG, type Tlv, toHex } from "./der";
import { formatIp } from "./ip";
import { readName } from "./name";
import { OID } from "./oids";

const utf8 = new TextDecoder("utf-8");

/**
 * IA5String names as text. Some tools put raw UTF-8 in a dNSName; decoding it leniently lets the
 * lint say "this IDN is not punycode" instead of showing mojibake.
 */
const ia5 = (bytes: Uint8Array): string => utf8.decode(bytes);

function otherName(buf: Uint8Array, tlv: Tlv): SubjectAltName {
  const r = DerReader.of(buf, tlv);
  const oid = readOid(r, "otherName type-id");
  const wrapped = r.expect(0xa0, "otherName value");
  r.finish("otherName");
  const inner = DerReader.of(buf, wrapped);
  const valueTlv = inner.next();
  inner.finish("otherName value");
  const decoded = decodeAsn1String(valueTlv.tag, content(buf, valueTlv));
  if (oid === OID.upn && !decoded.binary) return { type: "UPN", value: decoded.value };
  return { type: "OTHER", oid, value: decoded.binary ? `#${decoded.value}` : decoded.value };
}

/** Reads a GeneralNames SEQUENCE (SAN or AKI issuer) into typed names, in DER order. */
export function readGeneralNames(buf: Uint8Array, seq: Tlv): SubjectAltName[] {
  if (seq.tag !== TAG.SEQUENCE) throw new DerError("GeneralNames is not a SEQUENCE");
  const names: SubjectAltName[] = [];
  const r = DerReader.of(buf, seq);
  while (!r.done) {
    const tlv = r.next();
    const bytes = content(buf, tlv);
    switch (tlv.tag) {
      case 0xa0:
        names.push(otherName(buf, tlv));
        break;
      case 0x81:
        names.push({ type: "EMAIL", value: ia5(bytes) });
        break;
      case 0x82:
        names.push({ type: "DNS", value: ia5(bytes) });
        break;
      case 0x86:
        names.push({ type: "URI", value: ia5(bytes) });
        break;
      case 0x87:
        names.push({ type: "IP", value: formatIp(bytes) });
        break;
      case 0xa4: {
        const inner = DerReader.of(buf, tlv);
        const dn = readName(buf, inner.next());
        inner.finish("directoryName");
        names.push({ type: "OTHER", value: `DirName:${dn.rfc4514}` });
        break;
      }
      case 0x88: {
        const oid = decodeOid(bytes);
        names.push({ type: "OTHER", oid, value: `RID:${oid}` });
        break;
      }
      default:
        names.push({ type: "OTHER", value: `#${toHex(bytes)}` });
    }
  }
  return names;
}

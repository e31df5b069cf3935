import type { SubjectAltName } from "@pca/contracts";
import { AsnConvert } from "@peculiar/asn1-schema";
import type { GeneralName } from "@peculiar/asn1-x509";
import { parseTree, toHex } from "./asn1";
import { describeNode, ia5Text } from "./asn1-string";
import { formatIp } from "./ip";
import { readName } from "./name";
import { OID } from "./oids";

function otherName(typeId: string, value: ArrayBuffer): SubjectAltName {
  const decoded = describeNode(parseTree(value));
  if (typeId === OID.upn && !decoded.binary) return { type: "UPN", value: decoded.value };
  return { type: "OTHER", oid: typeId, value: decoded.binary ? `#${decoded.value}` : decoded.value };
}

/** One GeneralName (SAN or AKI issuer) as @peculiar/asn1-x509 read it, typed for the preview. */
function readGeneralName(name: GeneralName): SubjectAltName {
  if (name.dNSName !== undefined) return { type: "DNS", value: ia5Text(name.dNSName) };
  if (name.iPAddress !== undefined) return { type: "IP", value: formatIp(name.iPAddress) };
  if (name.rfc822Name !== undefined) return { type: "EMAIL", value: ia5Text(name.rfc822Name) };
  if (name.uniformResourceIdentifier !== undefined)
    return { type: "URI", value: ia5Text(name.uniformResourceIdentifier) };
  if (name.otherName !== undefined) return otherName(name.otherName.typeId, name.otherName.value);
  if (name.directoryName !== undefined)
    return { type: "OTHER", value: `DirName:${readName(name.directoryName).rfc4514}` };
  if (name.registeredID !== undefined)
    return { type: "OTHER", oid: name.registeredID, value: `RID:${name.registeredID}` };
  if (name.x400Address !== undefined) return { type: "OTHER", value: `#${toHex(name.x400Address)}` };
  if (name.ediPartyName !== undefined)
    return { type: "OTHER", value: `#${toHex(AsnConvert.serialize(name.ediPartyName))}` };
  throw new TypeError("empty GeneralName");
}

/** GeneralNames in DER order. */
export const readGeneralNames = (names: Iterable<GeneralName>): SubjectAltName[] =>
  Array.from(names, readGeneralName);

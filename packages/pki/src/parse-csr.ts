import type {
  CsrAttribute,
  DistinguishedName,
  Extensions,
  PublicKeyInfo,
  SubjectAltName,
} from "@pca/contracts";
import { decodeAsn1String } from "./asn1-string";
import {
  bitStringBytes,
  content,
  DerError,
  DerReader,
  readOid,
  smallInteger,
  TAG,
  type Tlv,
  whole,
} from "./der";
import { readExtensions } from "./extensions";
import { readName } from "./name";
import { CSR_ATTRIBUTE_NAMES, OID } from "./oids";
import { readPublicKey } from "./public-key";
import { type ReadSignatureAlgorithm, readSignatureAlgorithm } from "./signature-algorithm";

/** Everything read from a PKCS#10 structure, plus the byte ranges the verifier needs. */
export interface CsrInfo {
  readonly subject: DistinguishedName;
  readonly publicKey: PublicKeyInfo;
  readonly subjectAltNames: SubjectAltName[];
  readonly extensions: Extensions;
  readonly attributes: CsrAttribute[];
  readonly signatureAlgorithm: ReadSignatureAlgorithm;
  /** The DER of CertificationRequestInfo: the signed bytes. */
  readonly tbs: Uint8Array;
  /** The DER of SubjectPublicKeyInfo. */
  readonly spki: Uint8Array;
  readonly signatureValue: Uint8Array;
}

function readAttributes(
  buf: Uint8Array,
  set: Tlv,
): Pick<CsrInfo, "attributes" | "extensions" | "subjectAltNames"> {
  const attributes: CsrAttribute[] = [];
  let extensions: Extensions = { other: [] };
  let subjectAltNames: SubjectAltName[] = [];
  let sawExtensionRequest = false;
  const r = DerReader.of(buf, set);
  while (!r.done) {
    const attr = DerReader.of(buf, r.expect(TAG.SEQUENCE, "Attribute"));
    const oid = readOid(attr, "attribute type");
    const values = DerReader.of(buf, attr.expect(TAG.SET, "attribute values"));
    attr.finish("Attribute");
    if (oid === OID.extensionRequest || oid === OID.msExtensionRequest) {
      if (sawExtensionRequest) throw new DerError("two extensionRequest attributes");
      sawExtensionRequest = true;
      const read = readExtensions(buf, values.next());
      values.finish("extensionRequest");
      extensions = read.extensions;
      subjectAltNames = read.subjectAltNames;
      continue;
    }
    const name = CSR_ATTRIBUTE_NAMES[oid] ?? oid;
    if (oid === OID.challengePassword) {
      // The value is never decoded, so it cannot end up in a preview, a log or an error.
      attributes.push({ oid, name, value: null, redacted: true });
      continue;
    }
    const first = values.done ? undefined : values.next();
    const decoded = first && decodeAsn1String(first.tag, content(buf, first));
    const value = decoded === undefined ? null : decoded.binary ? `#${decoded.value}` : decoded.value;
    attributes.push({ oid, name, value, redacted: false });
  }
  return { attributes, extensions, subjectAltNames };
}

/**
 * Reads a CertificationRequest (RFC 2986) whose DER already passed `guardDer`. Throws DerError on
 * anything that is not exactly that structure; the caller turns it into CSR_UNPARSEABLE.
 */
export function parseCsr(der: Uint8Array, outer: Tlv): CsrInfo {
  const top = DerReader.of(der, outer);
  const criTlv = top.expect(TAG.SEQUENCE, "CertificationRequestInfo");
  const algTlv = top.expect(TAG.SEQUENCE, "signatureAlgorithm");
  const signatureValue = bitStringBytes(content(der, top.expect(TAG.BIT_STRING, "signature")));
  top.finish("CertificationRequest");

  const cri = DerReader.of(der, criTlv);
  const version = smallInteger(content(der, cri.expect(TAG.INTEGER, "version")));
  if (version !== 0) throw new DerError(`unknown CSR version ${version}`);
  const subject = readName(der, cri.expect(TAG.SEQUENCE, "subject"));
  const spkiTlv = cri.expect(TAG.SEQUENCE, "subjectPKInfo");
  const { info: publicKey } = readPublicKey(der, spkiTlv);
  const attributesTlv = cri.expect(0xa0, "attributes");
  cri.finish("CertificationRequestInfo");

  return {
    subject,
    publicKey,
    ...readAttributes(der, attributesTlv),
    signatureAlgorithm: readSignatureAlgorithm(der, algTlv),
    tbs: whole(der, criTlv),
    spki: whole(der, spkiTlv),
    signatureValue,
  };
}

import type {
  CsrAttribute,
  DistinguishedName,
  Extensions as ExtensionsInfo,
  PublicKeyInfo,
  SubjectAltName,
} from "@pca/contracts";
import type { CertificationRequest } from "@peculiar/asn1-csr";
import { type Extension, Extensions } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { Asn1Error, bytes, childrenOf, encodingOf, fromTree } from "./asn1";
import { describeNode } from "./asn1-string";
import { readExtensions } from "./extensions";
import { readName } from "./name";
import { CSR_ATTRIBUTE_NAMES, OID } from "./oids";
import { readPublicKey } from "./public-key";
import { type ReadSignatureAlgorithm, readSignatureAlgorithm } from "./signature-algorithm";

/** An extension a request asks for: as @peculiar/asn1-x509 read it, and its DER as the request has it. */
export interface RequestedExtension {
  readonly asn: Extension;
  readonly der: Uint8Array;
}

/** Everything read from a PKCS#10 structure, plus the byte ranges the verifier needs. */
export interface CsrInfo {
  readonly subject: DistinguishedName;
  readonly publicKey: PublicKeyInfo;
  readonly subjectAltNames: SubjectAltName[];
  readonly extensions: ExtensionsInfo;
  readonly attributes: CsrAttribute[];
  readonly signatureAlgorithm: ReadSignatureAlgorithm;
  /** The DER of CertificationRequestInfo: the signed bytes. */
  readonly tbs: Uint8Array;
  /** The DER of SubjectPublicKeyInfo. */
  readonly spki: Uint8Array;
  readonly signatureValue: Uint8Array;
  /** The DER of the subject Name (the emulator copies it into the certificates it issues). */
  readonly subjectDer: Uint8Array;
  /** The request as @peculiar/asn1-csr read it. */
  readonly asn: CertificationRequest;
  /** The extensions the request asks for (extensionRequest), in order. */
  readonly requestedExtensions: readonly RequestedExtension[];
}

type AttributeFacts = Pick<CsrInfo, "attributes" | "extensions" | "subjectAltNames" | "requestedExtensions">;

/** The OID of an Attribute node and the nodes of its values. */
function attributeNode(node: asn1js.AsnType): { oid: string; values: asn1js.AsnType[] } {
  const [type, set] = childrenOf(node);
  if (!(type instanceof asn1js.ObjectIdentifier) || set === undefined) throw new Asn1Error("Attribute");
  return { oid: type.valueBlock.toString(), values: childrenOf(set) };
}

/**
 * The request's attributes, read from asn1js's tree of CertificationRequestInfo's `[0]` (the
 * schema fits it, so each child is an Attribute): the extensionRequest's Extensions are read from
 * their node with asn1-x509's schema, not parsed a second time.
 */
function readAttributes(attributesNode: asn1js.AsnType): AttributeFacts {
  const attributes: CsrAttribute[] = [];
  let requested: RequestedExtension[] | undefined;
  for (const node of childrenOf(attributesNode)) {
    const { oid, values } = attributeNode(node);
    if (oid === OID.extensionRequest || oid === OID.msExtensionRequest) {
      const [value, ...more] = values;
      if (requested !== undefined || value === undefined || more.length > 0)
        throw new Asn1Error("extensionRequest must appear once, with one value");
      const list = fromTree(value, Extensions);
      const ders = childrenOf(value).map(encodingOf);
      requested = Array.from(list, (asn, i) => ({ asn, der: ders[i] ?? new Uint8Array() }));
      continue;
    }
    const name = CSR_ATTRIBUTE_NAMES[oid] ?? oid;
    if (oid === OID.challengePassword) {
      // The value is never decoded, so it cannot end up in a preview, a log or an error.
      attributes.push({ oid, name, value: null, redacted: true });
      continue;
    }
    const first = values[0];
    const decoded = first === undefined ? undefined : describeNode(first);
    const value = decoded === undefined ? null : decoded.binary ? `#${decoded.value}` : decoded.value;
    attributes.push({ oid, name, value, redacted: false });
  }
  const { extensions, subjectAltNames } = readExtensions((requested ?? []).map((e) => e.asn));
  return { attributes, extensions, subjectAltNames, requestedExtensions: requested ?? [] };
}

/**
 * The facts of a CertificationRequest (RFC 2986) that @peculiar/asn1-csr read from `tree`. Byte
 * ranges (the signed bytes, the subject, the key, the requested extensions) are the input's own,
 * taken from asn1js's tree: the schema fits it, so CertificationRequestInfo is its first child,
 * with version, subject, key and attributes in that order. Throws Asn1Error (or the schemas'
 * errors) on anything it cannot read; the caller refuses the input.
 */
export function parseCsr(request: CertificationRequest, tree: asn1js.AsnType): CsrInfo {
  const info = request.certificationRequestInfo;
  if (info.version !== 0) throw new Asn1Error(`unknown CSR version ${info.version}`);
  const [criNode] = childrenOf(tree);
  const [, subjectNode, spkiNode, attributesNode] = criNode === undefined ? [] : childrenOf(criNode);
  if (
    criNode === undefined ||
    subjectNode === undefined ||
    spkiNode === undefined ||
    attributesNode === undefined
  )
    throw new Asn1Error("CertificationRequestInfo");
  return {
    subject: readName(info.subject),
    publicKey: readPublicKey(info.subjectPKInfo),
    ...readAttributes(attributesNode),
    signatureAlgorithm: readSignatureAlgorithm(request.signatureAlgorithm),
    tbs: encodingOf(criNode),
    spki: encodingOf(spkiNode),
    signatureValue: bytes(request.signature),
    subjectDer: encodingOf(subjectNode),
    asn: request,
  };
}

import type {
  CsrAttribute,
  DistinguishedName,
  Extensions as ExtensionsInfo,
  PublicKeyInfo,
  SubjectAltName,
} from "@pca/contracts";
import type { CertificationRequest } from "@peculiar/asn1-csr";
import { type Extension, Extensions } from "@peculiar/asn1-x509";
import type * as asn1js from "asn1js";
import { Asn1Error, bytes, childrenOf, encodingOf, parseAs, parseTree } from "./asn1";
import { describeNode } from "./asn1-string";
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
  readonly extensions: ExtensionsInfo;
  readonly attributes: CsrAttribute[];
  readonly signatureAlgorithm: ReadSignatureAlgorithm;
  /** The DER of CertificationRequestInfo: the signed bytes. */
  readonly tbs: Uint8Array;
  /** The DER of SubjectPublicKeyInfo. */
  readonly spki: Uint8Array;
  readonly signatureValue: Uint8Array;
  /**
   * The request as @peculiar/asn1-csr read it, for code that builds on it (the emulator puts its
   * subject and key into the certificates it issues).
   */
  readonly asn: CertificationRequest;
  /** The extensions the request asks for (extensionRequest), as @peculiar/asn1-x509 read them. */
  readonly requestedExtensions: readonly Extension[];
}

type AttributeFacts = Pick<CsrInfo, "attributes" | "extensions" | "subjectAltNames" | "requestedExtensions">;

function readAttributes(request: CertificationRequest): AttributeFacts {
  const attributes: CsrAttribute[] = [];
  let requested: Extension[] | undefined;
  for (const { type: oid, values } of request.certificationRequestInfo.attributes) {
    if (oid === OID.extensionRequest || oid === OID.msExtensionRequest) {
      const [value, ...more] = values;
      if (requested !== undefined || value === undefined || more.length > 0)
        throw new Asn1Error("extensionRequest must appear once, with one value");
      requested = Array.from(parseAs(value, Extensions));
      continue;
    }
    const name = CSR_ATTRIBUTE_NAMES[oid] ?? oid;
    if (oid === OID.challengePassword) {
      // The value is never decoded, so it cannot end up in a preview, a log or an error.
      attributes.push({ oid, name, value: null, redacted: true });
      continue;
    }
    const first = values[0];
    const decoded = first === undefined ? undefined : describeNode(parseTree(first));
    const value = decoded === undefined ? null : decoded.binary ? `#${decoded.value}` : decoded.value;
    attributes.push({ oid, name, value, redacted: false });
  }
  const { extensions, subjectAltNames } = readExtensions(requested ?? []);
  return { attributes, extensions, subjectAltNames, requestedExtensions: requested ?? [] };
}

/**
 * The facts of a CertificationRequest (RFC 2986) that @peculiar/asn1-csr read from `tree`. The
 * signed bytes and the key's bytes are the input's own, taken from asn1js's tree (the schema fits
 * it, so CertificationRequestInfo is its first child and the key the third child of that). Throws
 * Asn1Error (or the schemas' errors) on anything it cannot read; the caller refuses the input.
 */
export function parseCsr(request: CertificationRequest, tree: asn1js.AsnType): CsrInfo {
  const info = request.certificationRequestInfo;
  if (info.version !== 0) throw new Asn1Error(`unknown CSR version ${info.version}`);
  const [criNode] = childrenOf(tree);
  const spkiNode = criNode === undefined ? undefined : childrenOf(criNode)[2];
  if (criNode === undefined || spkiNode === undefined) throw new Asn1Error("CertificationRequestInfo");
  return {
    subject: readName(info.subject),
    publicKey: readPublicKey(info.subjectPKInfo),
    ...readAttributes(request),
    signatureAlgorithm: readSignatureAlgorithm(request.signatureAlgorithm),
    tbs: encodingOf(criNode),
    spki: encodingOf(spkiNode),
    signatureValue: bytes(request.signature),
    asn: request,
  };
}

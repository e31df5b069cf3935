import type { SignatureDetails } from "@pca/contracts";
import { content, DerError, DerReader, readOid, smallInteger, TAG, type Tlv } from "./der";
import { HASH_NAMES, OID, SIGNATURE_ALGORITHMS } from "./oids";

/** A signature AlgorithmIdentifier: OpenSSL-style name and the details a verifier needs. */
export interface ReadSignatureAlgorithm {
  readonly name: string;
  readonly details: SignatureDetails;
}

function hashOf(r: DerReader): string {
  const alg = DerReader.of(r.buf, r.expect(TAG.SEQUENCE, "hash AlgorithmIdentifier"));
  const oid = readOid(alg, "hash algorithm");
  return HASH_NAMES[oid] ?? oid;
}

/** RSASSA-PSS-params (RFC 4055): every field has a default (SHA-1, MGF1 with SHA-1, salt 20). */
function pssParams(buf: Uint8Array, params: Tlv): NonNullable<SignatureDetails["pss"]> {
  const r = DerReader.of(buf, params);
  let hash = "SHA-1";
  let mgf1Hash = "SHA-1";
  let saltLength = 20;
  const hashTlv = r.optional(0xa0);
  if (hashTlv) hash = hashOf(DerReader.of(buf, hashTlv));
  const mgfTlv = r.optional(0xa1);
  if (mgfTlv) {
    const mgf = DerReader.of(buf, DerReader.of(buf, mgfTlv).expect(TAG.SEQUENCE, "MaskGenAlgorithm"));
    if (readOid(mgf, "mask generation function") !== OID.mgf1) throw new DerError("unknown MGF");
    mgf1Hash = hashOf(mgf);
  }
  const saltTlv = r.optional(0xa2);
  if (saltTlv) {
    const inner = DerReader.of(buf, saltTlv);
    saltLength = smallInteger(content(buf, inner.expect(TAG.INTEGER, "saltLength")));
  }
  r.optional(0xa3);
  r.finish("RSASSA-PSS-params");
  return { hash, mgf1Hash, saltLength };
}

/** Reads a signature AlgorithmIdentifier. Unknown OIDs are named by their OID, hash null. */
export function readSignatureAlgorithm(buf: Uint8Array, alg: Tlv): ReadSignatureAlgorithm {
  const r = DerReader.of(buf, alg);
  const oid = readOid(r, "signature algorithm");
  const known = SIGNATURE_ALGORITHMS[oid];
  if (oid === OID.rsassaPss) {
    const params = r.expect(TAG.SEQUENCE, "RSASSA-PSS parameters");
    r.finish("signature AlgorithmIdentifier");
    const pss = pssParams(buf, params);
    return { name: "rsassaPss", details: { oid, hash: pss.hash, pss } };
  }
  return { name: known?.name ?? oid, details: { oid, hash: known?.hash ?? null } };
}

import type { SignatureDetails } from "@pca/contracts";
import { RsaSaPssParams } from "@peculiar/asn1-rsa";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { Asn1Error, parseAs } from "./asn1";
import { HASH_NAMES, OID, SIGNATURE_ALGORITHMS } from "./oids";

/** A signature AlgorithmIdentifier: OpenSSL-style name and the details a verifier needs. */
export interface ReadSignatureAlgorithm {
  readonly name: string;
  readonly details: SignatureDetails;
}

const hashName = (alg: AlgorithmIdentifier): string => HASH_NAMES[alg.algorithm] ?? alg.algorithm;

/** RSASSA-PSS-params (RFC 4055), whose defaults (SHA-1, MGF1 with SHA-1, salt 20) the schema fills. */
function pssParams(parameters: ArrayBuffer): NonNullable<SignatureDetails["pss"]> {
  const params = parseAs(parameters, RsaSaPssParams);
  const mgf = params.maskGenAlgorithm;
  if (mgf.algorithm !== OID.mgf1 || !mgf.parameters) throw new Asn1Error("unknown mask generation function");
  const saltLength = Number(params.saltLength);
  if (!Number.isSafeInteger(saltLength) || saltLength < 0) throw new Asn1Error("saltLength");
  return {
    hash: hashName(params.hashAlgorithm),
    mgf1Hash: hashName(parseAs(mgf.parameters, AlgorithmIdentifier)),
    saltLength,
  };
}

/** A signature AlgorithmIdentifier as @peculiar/asn1-x509 read it. Unknown OIDs: named by OID, hash null. */
export function readSignatureAlgorithm(alg: AlgorithmIdentifier): ReadSignatureAlgorithm {
  const oid = alg.algorithm;
  if (oid === OID.rsassaPss) {
    if (!alg.parameters) throw new Asn1Error("RSASSA-PSS without parameters");
    const pss = pssParams(alg.parameters);
    return { name: "rsassaPss", details: { oid, hash: pss.hash, pss } };
  }
  const known = SIGNATURE_ALGORITHMS[oid];
  return { name: known?.name ?? oid, details: { oid, hash: known?.hash ?? null } };
}

import type { PublicKeyInfo } from "@pca/contracts";
import { bitStringBytes, content, DerReader, readOid, TAG, type Tlv, unsignedBitLength } from "./der";
import { CURVES, OID } from "./oids";

/** The facts of a SubjectPublicKeyInfo, and its raw key bits for the verifier. */
export interface ReadPublicKey {
  readonly info: PublicKeyInfo;
  readonly keyBytes: Uint8Array;
}

function rsaModulusBits(key: Uint8Array): number {
  const r = new DerReader(key, 0, key.length);
  const seq = DerReader.of(key, r.expect(TAG.SEQUENCE, "RSAPublicKey"));
  r.finish("RSAPublicKey");
  const modulus = content(key, seq.expect(TAG.INTEGER, "modulus"));
  seq.expect(TAG.INTEGER, "publicExponent");
  seq.finish("RSAPublicKey");
  return unsignedBitLength(modulus);
}

/** Reads a SubjectPublicKeyInfo: algorithm, size in bits, curve for EC. Unknown types stay OTHER. */
export function readPublicKey(buf: Uint8Array, spki: Tlv): ReadPublicKey {
  const r = DerReader.of(buf, spki);
  const alg = DerReader.of(buf, r.expect(TAG.SEQUENCE, "AlgorithmIdentifier"));
  const keyBytes = bitStringBytes(content(buf, r.expect(TAG.BIT_STRING, "subjectPublicKey")));
  r.finish("SubjectPublicKeyInfo");
  const oid = readOid(alg, "key algorithm");
  switch (oid) {
    case OID.rsaEncryption:
      return { info: { algorithm: "RSA", size: rsaModulusBits(keyBytes), oid }, keyBytes };
    case OID.rsassaPss:
      return { info: { algorithm: "RSA-PSS", size: rsaModulusBits(keyBytes), oid }, keyBytes };
    case OID.ecPublicKey: {
      const params = alg.next();
      if (params.tag !== TAG.OID) {
        // Explicit curve parameters: no name, size read from the uncompressed point.
        const size = Math.max(0, Math.floor((keyBytes.length - 1) / 2) * 8);
        return { info: { algorithm: "EC", size, curve: "explicit", oid }, keyBytes };
      }
      const curveOid = readOidAt(buf, params);
      const curve = CURVES[curveOid];
      return {
        info: {
          algorithm: "EC",
          size: curve?.size ?? Math.max(0, Math.floor((keyBytes.length - 1) / 2) * 8),
          curve: curve?.name ?? curveOid,
          curveOid,
          oid,
        },
        keyBytes,
      };
    }
    case OID.ed25519:
      return { info: { algorithm: "Ed25519", size: 256, oid }, keyBytes };
    case OID.ed448:
      return { info: { algorithm: "Ed448", size: 456, oid }, keyBytes };
    case OID.x25519:
      return { info: { algorithm: "X25519", size: 256, oid }, keyBytes };
    case OID.x448:
      return { info: { algorithm: "X448", size: 448, oid }, keyBytes };
    case OID.dsa: {
      const params = DerReader.of(buf, alg.expect(TAG.SEQUENCE, "Dss-Parms"));
      const p = content(buf, params.expect(TAG.INTEGER, "p"));
      return { info: { algorithm: "DSA", size: unsignedBitLength(p), oid }, keyBytes };
    }
    default:
      return { info: { algorithm: "OTHER", size: keyBytes.length * 8, oid }, keyBytes };
  }
}

function readOidAt(buf: Uint8Array, tlv: Tlv): string {
  return readOid(new DerReader(buf, tlv.start, tlv.end), "curve");
}

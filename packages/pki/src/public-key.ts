import type { PublicKeyInfo } from "@pca/contracts";
import { ECParameters } from "@peculiar/asn1-ecc";
import { RSAPublicKey } from "@peculiar/asn1-rsa";
import { AsnIntegerArrayBufferConverter, AsnProp, AsnPropTypes } from "@peculiar/asn1-schema";
import type { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { Asn1Error, bytes, parseAs } from "./asn1";
import { CURVES, OID } from "./oids";

/** Dss-Parms (RFC 3279 §2.3.2): no @peculiar/asn1-* package describes DSA keys. */
class DssParms {
  p = new ArrayBuffer(0);
  q = new ArrayBuffer(0);
  g = new ArrayBuffer(0);
}
// asn1-schema's decorators, applied as calls: the workspace's tools do not all compile decorators.
for (const field of ["p", "q", "g"]) {
  AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })(
    DssParms.prototype,
    field,
  );
}

/** Bit length of an unsigned big-endian INTEGER's content (leading zero octets ignored). */
function unsignedBitLength(source: ArrayBuffer): number {
  const octets = bytes(source);
  let i = 0;
  while (i < octets.length && octets[i] === 0) i++;
  if (i === octets.length) return 0;
  return (octets.length - i - 1) * 8 + (32 - Math.clz32(octets[i] ?? 0));
}

const rsaModulusBits = (key: ArrayBuffer): number => unsignedBitLength(parseAs(key, RSAPublicKey).modulus);

/** The size of an EC key with no named curve, read from its uncompressed point. */
const pointBits = (key: ArrayBuffer): number => Math.max(0, Math.floor((key.byteLength - 1) / 2) * 8);

function parametersOf(spki: SubjectPublicKeyInfo): ArrayBuffer {
  const { parameters } = spki.algorithm;
  if (parameters === undefined || parameters === null) throw new Asn1Error("key parameters missing");
  return parameters;
}

/** A SubjectPublicKeyInfo, as @peculiar/asn1-x509 read it: algorithm, size in bits, curve for EC. */
export function readPublicKey(spki: SubjectPublicKeyInfo): PublicKeyInfo {
  const oid = spki.algorithm.algorithm;
  const key = spki.subjectPublicKey;
  switch (oid) {
    case OID.rsaEncryption:
      return { algorithm: "RSA", size: rsaModulusBits(key), oid };
    case OID.rsassaPss:
      return { algorithm: "RSA-PSS", size: rsaModulusBits(key), oid };
    case OID.ecPublicKey: {
      const { namedCurve } = parseAs(parametersOf(spki), ECParameters);
      // Explicit (or implicit) curve parameters: no name, size read from the point.
      if (namedCurve === undefined) return { algorithm: "EC", size: pointBits(key), curve: "explicit", oid };
      const curve = CURVES[namedCurve];
      return {
        algorithm: "EC",
        size: curve?.size ?? pointBits(key),
        curve: curve?.name ?? namedCurve,
        curveOid: namedCurve,
        oid,
      };
    }
    case OID.ed25519:
      return { algorithm: "Ed25519", size: 256, oid };
    case OID.ed448:
      return { algorithm: "Ed448", size: 456, oid };
    case OID.x25519:
      return { algorithm: "X25519", size: 256, oid };
    case OID.x448:
      return { algorithm: "X448", size: 448, oid };
    case OID.dsa:
      return { algorithm: "DSA", size: unsignedBitLength(parseAs(parametersOf(spki), DssParms).p), oid };
    default:
      return { algorithm: "OTHER", size: key.byteLength * 8, oid };
  }
}

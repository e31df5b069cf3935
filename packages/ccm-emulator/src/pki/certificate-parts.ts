import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate, id_ce_subjectKeyIdentifier, SubjectKeyIdentifier } from "@peculiar/asn1-x509";
import { keyIdOf } from "./key-id";

/** What signing under a CA needs from its certificate, byte for byte. */
export interface IssuerParts {
  /** The subject Name's DER. */
  readonly name: Uint8Array;
  readonly spki: Uint8Array;
  /** Its subjectKeyIdentifier, or the RFC 5280 method (1) identifier of its key when it has none. */
  readonly keyId: Uint8Array;
}

/**
 * Reads a CA certificate's subject, SubjectPublicKeyInfo and key identifier with
 * @peculiar/asn1-x509 (certificates the emulator made or was given); the name and key are encoded
 * again by their schemas, the same bytes for DER. Throws when the DER is not a Certificate.
 */
export function issuerPartsOf(der: ArrayBuffer | Uint8Array): IssuerParts {
  const { subject, subjectPublicKeyInfo, extensions } = AsnConvert.parse(der, Certificate).tbsCertificate;
  const spki = new Uint8Array(AsnConvert.serialize(subjectPublicKeyInfo));
  const ski = extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
  return {
    name: new Uint8Array(AsnConvert.serialize(subject)),
    spki,
    keyId: ski
      ? new Uint8Array(AsnConvert.parse(ski.extnValue.buffer, SubjectKeyIdentifier).buffer)
      : keyIdOf(spki),
  };
}

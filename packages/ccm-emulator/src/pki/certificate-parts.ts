import { bytesOf, children, oidText, readTlv } from "./der";
import { keyIdOf } from "./key-id";

/** What signing under a CA needs from its certificate, byte for byte. */
export interface IssuerParts {
  /** The subject Name's DER. */
  readonly name: Uint8Array;
  readonly spki: Uint8Array;
  /** Its subjectKeyIdentifier, or the RFC 5280 method (1) identifier of its key when it has none. */
  readonly keyId: Uint8Array;
}

const SUBJECT_KEY_ID = "2.5.29.14";

/**
 * Reads a CA certificate's subject, SubjectPublicKeyInfo and key identifier from its DER
 * (certificates the emulator made or was given). Throws RangeError when the DER is not a
 * Certificate.
 */
export function issuerPartsOf(der: Uint8Array): IssuerParts {
  const [tbs] = children(der, readTlv(der, 0));
  if (!tbs) throw new RangeError("Certificate without a TBSCertificate");
  const fields = children(der, tbs);
  // version [0] is optional; after it: serial, signature, issuer, validity, subject, spki.
  const at = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[at + 4];
  const spki = fields[at + 5];
  if (!subject || !spki) throw new RangeError("TBSCertificate too short");
  let keyId: Uint8Array | undefined;
  const extensions = fields.find((f) => f.tag === 0xa3);
  const list = extensions ? children(der, extensions)[0] : undefined;
  for (const extension of list ? children(der, list) : []) {
    const parts = children(der, extension);
    const type = parts[0];
    const value = parts.at(-1);
    if (!type || !value || oidText(der, type) !== SUBJECT_KEY_ID) continue;
    const inner = readTlv(der, value.contentStart);
    keyId = der.subarray(inner.contentStart, inner.end);
  }
  const spkiBytes = bytesOf(der, spki);
  return { name: bytesOf(der, subject), spki: spkiBytes, keyId: keyId ?? keyIdOf(spkiBytes) };
}

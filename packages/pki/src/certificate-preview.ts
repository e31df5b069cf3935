import { type CertificatePreview, fail, ok, type Result } from "@pca/contracts";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate, type Time } from "@peculiar/asn1-x509";
import { bytes, parseAs, toHex } from "./asn1";
import { decodeBase64 } from "./base64";
import type { CryptoProvider } from "./crypto/provider";
import { webCryptoProvider } from "./crypto/webcrypto";
import { guardDer } from "./der-guard";
import { readExtensions } from "./extensions";
import { MAX_INPUT_BYTES } from "./limits";
import { readName } from "./name";
import { unescapeCopiedText } from "./normalise";
import { CERTIFICATE_LABELS, isPrivateKeyLabel, scanPem } from "./pem";
import type { PreviewOptions } from "./preview";
import { readPublicKey } from "./public-key";
import { refuse } from "./refusals";
import { readSignatureAlgorithm } from "./signature-algorithm";

const unparseable = (why: string) =>
  fail("CERTIFICATE_UNPARSEABLE", `This is not a readable X.509 certificate: ${why}.`);

/** Splits the input into DER certificates: PEM blocks labelled CERTIFICATE, or one DER. */
function certificateDers(input: string | Uint8Array): Result<Uint8Array[]> {
  if (input.length > MAX_INPUT_BYTES) return refuse.tooLarge(input.length);
  if (input instanceof Uint8Array && input[0] === 0x30) return ok([input.slice()]);
  const text = unescapeCopiedText(typeof input === "string" ? input : new TextDecoder().decode(input));
  const { begins, ends } = scanPem(text);
  if (/PRIVATE KEY/i.test(text) || begins.some((b) => isPrivateKeyLabel(b.label))) return refuse.privateKey();
  if (begins.length === 0) return unparseable("no -----BEGIN CERTIFICATE----- block was found");
  if (begins.length !== ends.length) return unparseable("a PEM block has no matching END line");
  const ders: Uint8Array[] = [];
  for (const [i, begin] of begins.entries()) {
    const end = ends[i];
    if (end === undefined || end.label !== begin.label || end.index < begin.end) {
      return unparseable("the PEM blocks are not well formed");
    }
    if (!CERTIFICATE_LABELS.has(begin.label)) return unparseable("a PEM block is not a CERTIFICATE");
    const der = decodeBase64(text.slice(begin.end, end.index).replace(/[\s\uFEFF]+/g, ""));
    if (der === null) return unparseable("a PEM body is not valid base64");
    ders.push(der);
  }
  return ok(ders);
}

/** Milliseconds since the epoch of a validity Time, as asn1js read it. */
function timeOf(time: Time): number {
  const ms = time.getTime().getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid Time");
  return ms;
}

async function previewDer(der: Uint8Array, crypto: CryptoProvider): Promise<Result<CertificatePreview>> {
  const fault = guardDer(der);
  if (fault !== undefined) return unparseable(`its DER is damaged (${fault.kind})`);
  let facts: Omit<CertificatePreview, "fingerprints">;
  let spki: Uint8Array;
  try {
    const { tbsCertificate: tbs, signatureAlgorithm } = parseAs(der, Certificate);
    // Encoded again by its schema for the key's fingerprint: the same bytes, as the input is DER.
    spki = bytes(AsnConvert.serialize(tbs.subjectPublicKeyInfo));
    const subject = readName(tbs.subject);
    const issuer = readName(tbs.issuer);
    const notBeforeMs = timeOf(tbs.validity.notBefore);
    const notAfterMs = timeOf(tbs.validity.notAfter);
    const read = readExtensions(tbs.extensions ?? []);
    const sigAlg = readSignatureAlgorithm(signatureAlgorithm);
    facts = {
      subject: subject.rfc4514,
      subjectRdns: subject.rdns,
      issuer: issuer.rfc4514,
      issuerRdns: issuer.rdns,
      serialNumber: toHex(tbs.serialNumber),
      version: tbs.version + 1,
      notBefore: new Date(notBeforeMs).toISOString(),
      notAfter: new Date(notAfterMs).toISOString(),
      notBeforeMs,
      notAfterMs,
      subjectAltNames: read.subjectAltNames,
      publicKey: readPublicKey(tbs.subjectPublicKeyInfo),
      signatureAlgorithm: sigAlg.name,
      signature: sigAlg.details,
      extensions: read.extensions,
      selfIssued: subject.rfc4514 === issuer.rfc4514,
    };
  } catch {
    return unparseable("its structure is not a Certificate (RFC 5280)");
  }
  const [sha256, sha1, spkiSha256] = await Promise.all([
    crypto.digest("SHA-256", der),
    crypto.digest("SHA-1", der),
    crypto.digest("SHA-256", spki),
  ]);
  return ok({
    ...facts,
    fingerprints: { sha256: toHex(sha256), sha1: toHex(sha1), spkiSha256: toHex(spkiSha256) },
  });
}

/**
 * Previews every certificate of a PEM text (one certificate or a chain, leaf first as given) or
 * of one DER certificate. Fails with CERTIFICATE_UNPARSEABLE, CSR_TOO_LARGE or CSR_PRIVATE_KEY
 * (a private key in the input is refused and never echoed). Never rejects.
 */
export async function previewCertificates(
  input: string | Uint8Array,
  options: PreviewOptions = {},
): Promise<Result<CertificatePreview[]>> {
  try {
    const ders = certificateDers(input);
    if (!ders.ok) return ders;
    const previews: CertificatePreview[] = [];
    for (const der of ders.value) {
      const preview = await previewDer(der, options.crypto ?? webCryptoProvider);
      if (!preview.ok) return preview;
      previews.push(preview.value);
    }
    return ok(previews);
  } catch {
    return unparseable("it could not be read");
  }
}

/** Previews exactly one certificate (PEM or DER): subject, issuer, SANs, serial, validity, key... */
export async function previewCertificate(
  input: string | Uint8Array,
  options: PreviewOptions = {},
): Promise<Result<CertificatePreview>> {
  const all = await previewCertificates(input, options);
  if (!all.ok) return all;
  const [first, ...rest] = all.value;
  if (first === undefined || rest.length > 0) return unparseable("expected exactly one certificate");
  return ok(first);
}

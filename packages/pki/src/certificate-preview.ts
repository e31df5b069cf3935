import { type CertificatePreview, fail, ok, type Result } from "@pca/contracts";
import { decodeBase64 } from "./base64";
import type { CryptoProvider } from "./crypto/provider";
import { webCryptoProvider } from "./crypto/webcrypto";
import { bitStringBytes, content, DerReader, smallInteger, TAG, toHex, whole } from "./der";
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
import { readTime } from "./time";

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

async function previewDer(der: Uint8Array, crypto: CryptoProvider): Promise<Result<CertificatePreview>> {
  const outer = guardDer(der);
  if ("kind" in outer) return unparseable(`its DER is damaged (${outer.kind})`);
  let facts: Omit<CertificatePreview, "fingerprints">;
  let spki: Uint8Array;
  try {
    const top = DerReader.of(der, outer);
    const tbs = DerReader.of(der, top.expect(TAG.SEQUENCE, "TBSCertificate"));
    const sigAlg = readSignatureAlgorithm(der, top.expect(TAG.SEQUENCE, "signatureAlgorithm"));
    bitStringBytes(content(der, top.expect(TAG.BIT_STRING, "signatureValue")));
    top.finish("Certificate");
    const versionTlv = tbs.optional(0xa0);
    const version = versionTlv ? smallInteger(content(der, DerReader.of(der, versionTlv).next())) + 1 : 1;
    const serialNumber = toHex(content(der, tbs.expect(TAG.INTEGER, "serialNumber")));
    tbs.expect(TAG.SEQUENCE, "signature");
    const issuer = readName(der, tbs.expect(TAG.SEQUENCE, "issuer"));
    const validity = DerReader.of(der, tbs.expect(TAG.SEQUENCE, "validity"));
    const notBeforeMs = readTime(der, validity.next());
    const notAfterMs = readTime(der, validity.next());
    validity.finish("validity");
    const subject = readName(der, tbs.expect(TAG.SEQUENCE, "subject"));
    const spkiTlv = tbs.expect(TAG.SEQUENCE, "subjectPublicKeyInfo");
    spki = whole(der, spkiTlv);
    const publicKey = readPublicKey(der, spkiTlv).info;
    tbs.optional(0x81);
    tbs.optional(0x82);
    const extTlv = tbs.optional(0xa3);
    tbs.finish("TBSCertificate");
    const read = extTlv
      ? readExtensions(der, DerReader.of(der, extTlv).expect(TAG.SEQUENCE, "Extensions"))
      : { extensions: { other: [] }, subjectAltNames: [] };
    facts = {
      subject: subject.rfc4514,
      subjectRdns: subject.rdns,
      issuer: issuer.rfc4514,
      issuerRdns: issuer.rdns,
      serialNumber,
      version,
      notBefore: new Date(notBeforeMs).toISOString(),
      notAfter: new Date(notAfterMs).toISOString(),
      notBeforeMs,
      notAfterMs,
      subjectAltNames: read.subjectAltNames,
      publicKey,
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

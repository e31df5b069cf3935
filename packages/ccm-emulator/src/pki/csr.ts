import { fail, ok, type Result } from "@pca/contracts";
import { type KeyAlgorithm, keyAlgorithmOf } from "./algorithms";
import { x509 } from "./crypto";

/** A CSR that parsed, whose self-signature verified and whose key CCM takes. */
export interface ReadCsr {
  readonly request: x509.Pkcs10CertificateRequest;
  readonly keyAlgorithm: KeyAlgorithm;
}

export type CsrFailureCode = "CSR_UNPARSEABLE" | "CSR_SIGNATURE_INVALID" | "KEY_ALGORITHM_UNSUPPORTED";

const PEM =
  /^-----BEGIN (NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END (NEW )?CERTIFICATE REQUEST-----$/;

/**
 * CCM's `csr` field: a PEM CSR whose newlines are written as `\r\n` or `\n` (seed:
 * "请使用“\r\n”或“\n”替代…换行符"). The seed's own example carries the two-character escape
 * (`\\n` in its JSON), so the literal sequences backslash-r-backslash-n and backslash-n are read
 * as newlines too [unverified: inferred from the example]. Anything but one PEM CSR block is refused.
 */
function pemToDer(text: string): Uint8Array | undefined {
  const normalised = text.replace(/\\r\\n|\\n/g, "\n").trim();
  const m = PEM.exec(normalised);
  const body = m?.[2]?.replace(/\s+/g, "");
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(body, "base64"));
}

/**
 * Reads CreateCertificateByCsr's `csr`: decodes it, verifies the CSR's signature and names its
 * key. Failure codes: CSR_UNPARSEABLE, CSR_SIGNATURE_INVALID, KEY_ALGORITHM_UNSUPPORTED.
 * When @pca/pki's decodeCsr lands, the decoding half moves there; the key policy stays here.
 */
export async function readCsr(text: string): Promise<Result<ReadCsr, CsrFailureCode>> {
  const der = pemToDer(text);
  if (!der) return fail("CSR_UNPARSEABLE", "The CSR is not a PEM certificate signing request.");
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(der);
    // Touch the lazily parsed parts now, so a malformed request fails here and not while signing.
    void request.subjectName;
    void request.extensions;
  } catch {
    return fail("CSR_UNPARSEABLE", "The CSR could not be decoded.");
  }
  const keyAlgorithm = keyAlgorithmOf(request.publicKey);
  if (!keyAlgorithm)
    return fail("KEY_ALGORITHM_UNSUPPORTED", "The CSR's key is not RSA2048, RSA4096, EC256 or EC384.");
  let verified = false;
  try {
    verified = await request.verify();
  } catch {
    verified = false;
  }
  if (!verified) return fail("CSR_SIGNATURE_INVALID", "The CSR's signature does not verify.");
  return ok({ request, keyAlgorithm });
}

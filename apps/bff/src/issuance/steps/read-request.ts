import {
  CCM_LIMITS,
  CREATE_CERTIFICATE_BY_CSR_CODES,
  type CreateCertificateByCsrRequest,
  CreateCertificateByCsrRequestSchema,
  fail,
  ok,
  parseWith,
  type Result,
} from "@pca/contracts";
import type { CsrReading, ReadCsr } from "../readers";

/**
 * Step 1, schema: CCM's CreateCertificateByCsr body with every documented limit, each failure
 * with its own code (INVALID_ID, CSR_TOO_LONG, VALIDITY_OUT_OF_RANGE, PATH_LENGTH_*, SAN_*...).
 */
export function parseRequest(body: unknown): Result<CreateCertificateByCsrRequest> {
  return parseWith(CreateCertificateByCsrRequestSchema, body, CREATE_CERTIFICATE_BY_CSR_CODES);
}

/**
 * Step 2, CSR: pki decodes and normalises the CSR to CCM's wire form and previews it. A CSR pki
 * refuses keeps pki's code; one whose self-signature does not verify (or cannot be verified)
 * fails with CSR_SIGNATURE_INVALID; one longer than CCM's 5120 characters on the wire with
 * CSR_TOO_LONG.
 */
export async function readRequestCsr(readCsr: ReadCsr, csr: string): Promise<Result<CsrReading>> {
  const read = await readCsr(csr);
  if (!read.ok) return read;
  const { preview, wire } = read.value;
  if (preview.signatureValid !== true) {
    return fail(
      "CSR_SIGNATURE_INVALID",
      preview.signatureValid === false
        ? "The CSR's signature does not verify: it was altered after signing or made with another key. Generate it again."
        : "The CSR's signature could not be verified, so possession of the private key is not proven.",
    );
  }
  if (!wire.withinLimit) {
    return fail(
      "CSR_TOO_LONG",
      `The CSR is ${wire.length} characters as CCM receives it; CCM accepts at most ${CCM_LIMITS.csrMaxLength}. Request fewer subject alternative names.`,
      { length: wire.length, limit: CCM_LIMITS.csrMaxLength },
    );
  }
  return ok(read.value);
}

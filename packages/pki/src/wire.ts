import { CCM_LIMITS, type CsrLengths, fail, ok, type Result } from "@pca/contracts";
import { encodeBase64 } from "./base64";
import type { DecodedCsr } from "./decode-csr";

const BEGIN = "-----BEGIN CERTIFICATE REQUEST-----";
const END = "-----END CERTIFICATE REQUEST-----";

function pem(der: Uint8Array, newline: string, final: boolean): string {
  const b64 = encodeBase64(der);
  const lines = [BEGIN];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  lines.push(END);
  return lines.join(newline) + (final ? newline : "");
}

/** Length in characters of the CSR as PEM with 64-column lines, without building the string. */
function pemLength(derLength: number, newlineLength: number): number {
  const b64 = 4 * Math.ceil(derLength / 3);
  const newlines = Math.ceil(b64 / 64) + 1;
  return BEGIN.length + END.length + b64 + newlines * newlineLength;
}

/** The character counts of every text form, and whether CCM's limit on the `csr` string holds. */
export function csrLengths(der: Uint8Array): CsrLengths {
  const wire = pemLength(der.length, 2);
  return {
    der: der.length,
    pem: pemLength(der.length, 1),
    wire,
    wireLimit: CCM_LIMITS.csrMaxLength,
    withinWireLimit: wire <= CCM_LIMITS.csrMaxLength,
  };
}

/** The CSR as a PEM file: LF newlines and a final newline (what `<name>.csr.pem` downloads hold). */
export const toPem = (csr: DecodedCsr): string => pem(csr.der, "\n", true);

/**
 * The exact string CreateCertificateByCsr takes as `csr`: PEM with CRLF newlines and no final one,
 * whatever form the input had. Fails with CSR_TOO_LONG when it is longer than CCM accepts.
 */
export function toWire(csr: DecodedCsr): Result<string> {
  const wire = pem(csr.der, "\r\n", false);
  if (wire.length > CCM_LIMITS.csrMaxLength) {
    return fail(
      "CSR_TOO_LONG",
      `The CSR is ${wire.length} characters as CCM receives it; CCM accepts at most ${CCM_LIMITS.csrMaxLength}. Request fewer subject alternative names or a smaller key.`,
      { length: wire.length, limit: CCM_LIMITS.csrMaxLength },
    );
  }
  return ok(wire);
}

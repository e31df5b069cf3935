import { type Failure, fail } from "@pca/contracts";
import { MAX_INPUT_BYTES } from "./limits";

/**
 * Every sentence a refused input gets. None of them quotes the input: a pasted private key or a
 * secret must never be echoed, so the only variable parts are numbers and PEM labels we recognise.
 */
export const refuse = {
  empty: () => fail("CSR_EMPTY", "The CSR is empty. Paste the whole PEM, from -----BEGIN to -----END-----."),
  tooLarge: (size: number) =>
    fail(
      "CSR_TOO_LARGE",
      `The input is ${size} bytes; a CSR is never larger than ${MAX_INPUT_BYTES} bytes. Check that you selected the right file.`,
      { size, limit: MAX_INPUT_BYTES },
    ),
  notPem: () =>
    fail(
      "CSR_NOT_PEM",
      "This is not a CSR: expected a PEM block starting with -----BEGIN CERTIFICATE REQUEST-----, DER bytes, or the base64 body of a CSR.",
    ),
  mismatchedPem: () =>
    fail("CSR_NOT_PEM", "The PEM block's BEGIN and END lines name different types; paste one complete CSR."),
  wrongLabel: (label: string) =>
    fail(
      "CSR_WRONG_PEM_LABEL",
      `The PEM block is labelled "${label}", but a CSR is labelled CERTIFICATE REQUEST. Export the certificate signing request, not another object.`,
      { label },
    ),
  csrUnderCertificateLabel: (label: string) =>
    fail(
      "CSR_WRONG_PEM_LABEL",
      `The PEM block is labelled "${label}" but holds a certificate request; relabel it -----BEGIN CERTIFICATE REQUEST----- or export it again.`,
      { label },
    ),
  certificate: () =>
    fail(
      "CSR_IS_CERTIFICATE",
      "This is a certificate, not a certificate signing request. Paste the CSR that was generated with the private key.",
    ),
  publicKey: () =>
    fail(
      "CSR_IS_PUBLIC_KEY",
      "This is a bare public key, not a certificate signing request. Generate a CSR from the key pair (for example with openssl req -new).",
    ),
  privateKey: () =>
    fail(
      "CSR_PRIVATE_KEY",
      "This input contains a private key. It was not stored or sent anywhere; never paste a private key. Paste only the CERTIFICATE REQUEST block, and consider the key exposed if it left your machine.",
    ),
  multipleBlocks: (count: number) =>
    fail("CSR_MULTIPLE_BLOCKS", `The input has ${count} PEM blocks; paste exactly one CSR.`, { count }),
  truncated: (why: string) =>
    fail("CSR_TRUNCATED", `The CSR ends early (${why}). Copy it again, including the -----END line.`),
  badBase64: () =>
    fail(
      "CSR_BAD_BASE64",
      "The PEM body is not valid base64 (a character outside A-Z a-z 0-9 + / =, or misplaced padding). Copy the CSR again without editing it.",
    ),
  notDer: () =>
    fail("CSR_NOT_DER", "This binary input is not DER: a DER CSR starts with a SEQUENCE (byte 0x30)."),
  derLengthInvalid: () =>
    fail(
      "CSR_DER_LENGTH_INVALID",
      "The DER has a length field that is malformed or points past the end of the input; the file is damaged.",
    ),
  trailingData: (extra: number) =>
    fail(
      "CSR_TRAILING_DATA",
      `There are ${extra} extra bytes after the CSR's DER structure; the file is damaged or is two objects glued together.`,
      { extra },
    ),
  tooDeep: () =>
    fail(
      "CSR_NESTING_TOO_DEEP",
      "The ASN.1 structure is nested far deeper than any CSR; this is not a certificate request.",
    ),
  unparseable: () =>
    fail(
      "CSR_UNPARSEABLE",
      "The input is well-formed DER but not a valid PKCS#10 certificate request. Generate the CSR again.",
    ),
} as const satisfies Record<string, (...args: never[]) => { ok: false; error: Failure }>;

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's CSR fixtures (`fixtures/`, written by fixtures/gen.sh); never edited here. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures");

export interface ExpectedParse {
  subject_rfc4514: string;
  subject_attributes: { oid: string; name: string; asn1_type: string; value: string }[];
  sans: { type: "dns" | "ip" | "email" | "uri"; value: string }[];
  key: { algorithm: string; oid: string; bits?: number; curve?: string; curve_oid?: string };
  signature_algorithm: {
    name: string;
    oid: string;
    hash: string | null;
    pss?: { hash: string; mgf1_hash: string; salt_length: number };
  };
  signature_valid: boolean;
  extensions: {
    subject_alt_name_critical?: boolean;
    key_usage?: { values: string[]; critical: boolean };
    extended_key_usage?: { values: { name: string; oid: string }[]; critical: boolean };
    basic_constraints?: { ca: boolean; path_length: number | null; critical: boolean };
  };
  attributes: Record<string, string>;
  der_sha256: string;
  spki_sha256: string;
  der_length: number;
  lengths: { pem_lf: number; ccm_wire: number; json_escaped_crlf: number };
  hints: string[];
}

export interface ExpectedCsr extends ExpectedParse {
  file: string;
  encoding: "PEM" | "DER";
}

export interface ExpectedForm {
  file: string;
  form: string;
  same_as: string;
  der_sha256: string;
}

export interface ExpectedBad {
  file: string;
  error_kind: string;
  bytes: number;
  stored?: boolean;
  parsed?: ExpectedParse;
}

export interface Expected {
  csr: ExpectedCsr[];
  csr_forms: ExpectedForm[];
  bad: ExpectedBad[];
}

export const expected: Expected = JSON.parse(readFileSync(join(FIXTURES_DIR, "expected.json"), "utf8"));

/** A fixture's bytes, by its path relative to the fixtures folder. */
export const fixtureBytes = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES_DIR, file)));

/** `bad/huge.txt` is not stored; this is the recipe from the README. */
export const hugeInput = (): string =>
  `-----BEGIN CERTIFICATE REQUEST-----\n${`${"A".repeat(64)}\n`.repeat(32768)}-----END CERTIFICATE REQUEST-----\n`;

/** The error code each `error_kind` of expected.json maps to. */
export const ERROR_KIND_CODES: Readonly<Record<string, string>> = {
  empty: "CSR_EMPTY",
  not_pem: "CSR_NOT_PEM",
  wrong_pem_label: "CSR_WRONG_PEM_LABEL",
  certificate_not_csr: "CSR_IS_CERTIFICATE",
  private_key: "CSR_PRIVATE_KEY",
  public_key_not_csr: "CSR_IS_PUBLIC_KEY",
  truncated: "CSR_TRUNCATED",
  bad_base64: "CSR_BAD_BASE64",
  multiple_blocks: "CSR_MULTIPLE_BLOCKS",
  not_der: "CSR_NOT_DER",
  der_length_invalid: "CSR_DER_LENGTH_INVALID",
  trailing_data: "CSR_TRAILING_DATA",
  nesting_too_deep: "CSR_NESTING_TOO_DEEP",
  too_large: "CSR_TOO_LARGE",
};

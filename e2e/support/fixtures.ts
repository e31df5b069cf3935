import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's CSR fixtures (never edited here); their facts come from expected.json, not from copies. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures");

export const fixturePath = (relative: string): string => join(FIXTURES_DIR, relative);
export const readFixture = (relative: string): string => readFileSync(fixturePath(relative), "utf8");

interface ExpectedCsr {
  readonly file: string;
  readonly subject_rfc4514: string;
  readonly der_sha256: string;
}
interface ExpectedForm {
  readonly file: string;
  readonly form: string;
  readonly same_as: string;
}
interface Expected {
  readonly csr: readonly ExpectedCsr[];
  readonly csr_forms: readonly ExpectedForm[];
}

let expected: Expected | undefined;
function load(): Expected {
  expected ??= JSON.parse(readFileSync(fixturePath("expected.json"), "utf8")) as Expected;
  return expected;
}

/** The subject (RFC 4514) and DER SHA-256 that a correct preview of this CSR shows. */
export function expectedCsr(file: string): ExpectedCsr {
  const found = load().csr.find((c) => c.file === file);
  if (!found) throw new Error(`${file} is not in expected.json`);
  return found;
}

/** Every pasted form of one CSR (LF, CRLF, JSON-escaped, bare base64, padded...), from expected.json. */
export function formsOf(sameAs: string): readonly ExpectedForm[] {
  return load().csr_forms.filter((f) => f.same_as === sameAs);
}

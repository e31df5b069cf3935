import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The valid CSRs of the repository's fixtures (`fixtures/csr/`, written by fixtures/gen.sh; never edited). */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/csr");

/** A fixture CSR's text as stored (PEM with LF newlines). */
export const fixture = (name: string): string => readFileSync(`${FIXTURES_DIR}/${name}`, "utf8");

/** The same CSR as CCM's docs write it in JSON: newlines as `\r\n`. */
export const crlf = (pem: string): string => pem.trim().replace(/\r?\n/g, "\r\n");

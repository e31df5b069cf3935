import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's CSR fixtures (`fixtures/`, written by fixtures/gen.sh); never edited here. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures");

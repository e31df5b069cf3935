import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The shared CSR fixtures (written by gen.sh; never edited here). They live in `shared/` beside the
 * repository, in development and in CI alike.
 */
export const FIXTURES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../../shared/fixtures",
);

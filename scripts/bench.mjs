#!/usr/bin/env node
// `pnpm bench <name> [args…]` runs bench/<name>.ts with tsx. Benchmarks print their own tables
// and write machine-readable results under bench/results/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3))
  .sort();
if (!name || !existsSync(join(root, "bench", `${name}.ts`))) {
  console.error(`usage: pnpm bench <${available.join(" | ")}> [options]`);
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  ["--expose-gc", "--import", "tsx", join(root, "bench", `${name}.ts`), ...args],
  { stdio: "inherit", cwd: root },
);
process.exit(run.status ?? 1);

#!/usr/bin/env node
// The second half of `pnpm lint`: the repository stands alone. A fresh clone has nothing beside
// it, so no file may reach for the folder of fixtures and CCM notes that once sat next to the
// checkout: CSR fixtures live in fixtures/, CCM's reference in docs/reference/. Prints file:line for
// each mention and exits 1.
//
//   node scripts/check-standalone.mjs            every file git tracks or would add
//   node scripts/check-standalone.mjs FILE...    only these files
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

// The slashes are escaped so that this file does not match itself.
const OUTSIDE = /\.\.\/shared|shared\/fixtures|shared\/reference/g;

// Where such mentions are history or quoted material, not something read: benchmark records and the
// reference documents as they were written.
const EXEMPT = ["bench/results/", "docs/reference/"];

/** Every file git tracks, plus new ones it does not ignore (so a check before `git add` sees them). */
function repositoryFiles() {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split("\0").filter(Boolean))].map((file) => resolve(ROOT, file));
}

/** The mentions in one file as "file:line: ..." lines; none for binary files (a NUL early on). */
function mentions(file, shownAs) {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8000).includes(0)) return [];
  const found = [];
  bytes
    .toString("utf8")
    .split("\n")
    .forEach((text, i) => {
      for (const match of text.matchAll(OUTSIDE)) {
        found.push(`${shownAs}:${i + 1}: "${match[0]}" is outside the repository`);
      }
    });
  return found;
}

const given = process.argv.slice(2);
const files =
  given.length > 0
    ? given.map((file) => ({ path: resolve(file), shownAs: file }))
    : repositoryFiles().map((path) => ({ path, shownAs: relative(ROOT, path) }));
const problems = [];
for (const { path, shownAs } of files) {
  if (EXEMPT.some((dir) => relative(ROOT, path).startsWith(dir))) continue;
  // A file deleted in the work tree but still in the index has nothing left to read.
  if (!existsSync(path) || !statSync(path).isFile()) continue;
  problems.push(...mentions(path, shownAs));
}

if (problems.length > 0) {
  for (const line of problems) console.error(line);
  console.error(
    `check-standalone: ${problems.length} mention(s) of files beside the repository; ` +
      "use fixtures/ for CSR fixtures and docs/reference/ for CCM's reference",
  );
  process.exit(1);
}

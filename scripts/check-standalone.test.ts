import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = join(import.meta.dirname, "check-standalone.mjs");
const dir = mkdtempSync(join(tmpdir(), "check-standalone-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (...files: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...files], { encoding: "utf8", timeout: 30_000 });

// The sibling folder's name is put together at run time so that this file does not trip the check.
const SIBLING = ["..", "shared"].join("/");
const SHARED = "shared";

describe("scripts/check-standalone.mjs", () => {
  it("fail/names the file and line of every path beside the repository", () => {
    const file = join(dir, "reader.ts");
    writeFileSync(
      file,
      [
        `import { join } from "node:path";`,
        `const FIXTURES = join(import.meta.dirname, "${SIBLING}/fixtures");`,
        "",
        `// CCM's wire facts: ${SHARED}/reference/ccm-api.md §2, CSRs in ${SHARED}/fixtures/csr`,
      ].join("\n"),
    );
    const r = check(file);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").filter((l) => l.startsWith(`${file}:`))).toEqual([
      `${file}:2: "${SIBLING}" is outside the repository`,
      `${file}:4: "${SHARED}/reference" is outside the repository`,
      `${file}:4: "${SHARED}/fixtures" is outside the repository`,
    ]);
  });

  it("ok/paths inside the repository and a word like 'shared' alone pass", () => {
    const file = join(dir, "inside.ts");
    writeFileSync(
      file,
      `// Limits shared by every replica; fixtures in fixtures/csr, CCM in docs/reference/ccm-api.md\n`,
    );
    const r = check(file);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("ok/every file of the repository stands alone", () => {
    const r = check();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

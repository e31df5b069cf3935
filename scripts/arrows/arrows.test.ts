import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type IForbiddenRuleType } from "dependency-cruiser";
import { afterEach, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
/** The repository's own rules, the ones `pnpm lint` runs. */
const config = require("../../.dependency-cruiser.cjs") as { forbidden: IForbiddenRuleType[] };

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** Lays out a small tree shaped like the repository's and returns the rules it breaks. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), "pca-arrows-"));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const result = await cruise(
    Object.keys(files).map((f) => f.split("/")[0] ?? f),
    {
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      tsPreCompilationDeps: true,
    },
  );
  if (typeof result.output === "string") throw new Error(result.output);
  return [...new Set(result.output.summary.violations.map((v) => v.rule.name))].sort();
}

describe("the architecture's arrows", () => {
  it("ok/a tree that follows every arrow", async () => {
    expect(
      await violations({
        "apps/bff/src/core/clock.ts": "export const now = () => 1;\n",
        "apps/bff/src/issuance/issue.ts": 'import { now } from "../core/clock";\nexport const at = now;\n',
        "apps/bff/src/routes/certs.ts": 'import { at } from "../issuance/issue";\nexport const r = at;\n',
        "apps/bff/src/http/app.ts": 'import { r } from "../routes/certs";\nexport const app = r;\n',
        "apps/web/src/features/cas/list.ts": 'import { f } from "../../lib/format";\nexport const l = f;\n',
        "apps/web/src/lib/format.ts": "export const f = 1;\n",
        "packages/pki/src/a.ts": 'import { c } from "../../contracts/src/c";\nexport const a = c;\n',
        "packages/contracts/src/c.ts": "export const c = 1;\n",
      }),
    ).toEqual([]);
  });

  it("fail/the BFF's core imports the HTTP edge", async () => {
    expect(
      await violations({
        "apps/bff/src/core/deps.ts": 'import type { L } from "../http/context";\nexport type D = L;\n',
        "apps/bff/src/http/context.ts": "export type L = { id: string };\n",
      }),
    ).toEqual(["bff-base-imports-up", "bff-http-imported-below-edge"]);
  });

  it("fail/a use case imports a route", async () => {
    expect(
      await violations({
        "apps/bff/src/issuance/issue.ts": 'import { r } from "../routes/certs";\nexport const i = r;\n',
        "apps/bff/src/routes/certs.ts": "export const r = 1;\n",
      }),
    ).toEqual(["bff-use-case-imports-edge"]);
  });

  it("fail/storage imports a use case", async () => {
    expect(
      await violations({
        "apps/bff/src/storage/store.ts": 'import { a } from "../audit/log";\nexport const s = a;\n',
        "apps/bff/src/audit/log.ts": "export const a = 1;\n",
      }),
    ).toEqual(["bff-base-imports-up"]);
  });

  it("fail/a web feature imports another feature", async () => {
    expect(
      await violations({
        "apps/web/src/features/users/list.ts": 'import { t } from "../tokens/api";\nexport const u = t;\n',
        "apps/web/src/features/tokens/api.ts": "export const t = 1;\n",
      }),
    ).toEqual(["web-feature-imports-other-feature"]);
  });

  it("fail/a package imports an app, or a package it may not", async () => {
    expect(
      await violations({
        "packages/pki/src/a.ts":
          'import { b } from "../../../apps/bff/src/b";\nimport { c } from "../../ccm-client/src/c";\nexport const a = [b, c];\n',
        "apps/bff/src/b.ts": "export const b = 1;\n",
        "packages/ccm-client/src/c.ts": "export const c = 1;\n",
      }),
    ).toEqual(["package-arrow-pki", "package-imports-app"]);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const NODE_BUILTINS = new Set(builtinModules);
const IMPORT =
  /^\s*(import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/gm;

const resolveTs = (path: string): string =>
  path.endsWith(".ts") ? path : existsSync(`${path}.ts`) ? `${path}.ts` : join(path, "index.ts");

/** Every module reachable from `entry` through value imports (type-only imports vanish at runtime). */
function reachable(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = m[2] ?? m[3] ?? m[4] ?? "";
      if (spec.startsWith(".")) queue.push(resolveTs(resolve(dirname(file), spec)));
      else bare.add(spec);
    }
  }
  return { files, bare };
}

describe("the browser entry (src/index.ts)", () => {
  it("reaches no Node built-in module, so the SPA can load it", () => {
    const { files, bare } = reachable(join(import.meta.dirname, "index.ts"));
    expect(files.size).toBeGreaterThan(20);
    const nodeOnly = [...bare].filter(
      (s) => s.startsWith("node:") || NODE_BUILTINS.has(s.split("/")[0] ?? ""),
    );
    expect(nodeOnly).toEqual([]);
    expect([...files].some((f) => f.endsWith("crypto/node.ts") || f.endsWith("/cli.ts"))).toBe(false);
  });

  it("the Node entry does add node:crypto", () => {
    expect(reachable(join(import.meta.dirname, "node.ts")).bare).toContain("node:crypto");
  });
});

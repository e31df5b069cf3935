import { readdirSync } from "node:fs";
import { API_ROUTES, type RouteContract } from "@pca/contracts";
import { expect, it } from "vitest";
import { groupOf } from "./testing/edge-fuzz-suite";

it("every route's edge-fuzz group has a test file, so no route goes unfuzzed", () => {
  const groups = new Set((API_ROUTES as readonly RouteContract[]).map(groupOf));
  const files = readdirSync(new URL(".", import.meta.url));
  for (const group of groups) expect(files).toContain(`edge-fuzz-${group}.test.ts`);
});

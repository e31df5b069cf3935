import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HealthResponseSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { listen, type RunningServer } from "./server";

let server: RunningServer;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), "pca-web-"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>PCA Console</title>");
  server = await listen(createApp({ webDist: dist, version: "9.9.9" }), 0, "127.0.0.1");
});
afterAll(() => server.close());

describe("walking skeleton over real HTTP", () => {
  it("answers /healthz with the contract's shape", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(HealthResponseSchema.parse(await res.json())).toEqual({ status: "ok", version: "9.9.9" });
  });

  it("serves the SPA for a deep link", async () => {
    const res = await fetch(`${server.url}/cas/some-ca`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("PCA Console");
  });

  it("does not hide unknown API routes behind the SPA", async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
  });
});

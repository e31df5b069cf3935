import { describe, expect, it } from "vitest";
import { readHealth } from "./health";

const respond = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe("readHealth", () => {
  it("reads the version from a healthy answer", async () => {
    expect(await readHealth(respond(200, { status: "ok", version: "0.1.0" }))).toEqual({
      state: "up",
      version: "0.1.0",
    });
  });
  it("treats an error status as down", async () => {
    expect(await readHealth(respond(503, { status: "ok", version: "x" }))).toEqual({ state: "down" });
  });
  it("treats an answer of another shape as down", async () => {
    expect(await readHealth(respond(200, { hello: "world" }))).toEqual({ state: "down" });
  });
});

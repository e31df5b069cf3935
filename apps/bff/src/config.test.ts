import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    expect(loadConfig({ INIT_CWD: "/srv/console" })).toMatchObject({
      PORT: 8080,
      DATA_DIR: "/srv/console/data",
    });
  });
  it("resolves a relative DATA_DIR against the directory the command was typed in", () => {
    expect(loadConfig({ INIT_CWD: "/home/a/pca", DATA_DIR: "state" }).DATA_DIR).toBe("/home/a/pca/state");
    expect(loadConfig({ INIT_CWD: "/home/a/pca", DATA_DIR: "/var/lib/pca" }).DATA_DIR).toBe("/var/lib/pca");
  });
  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
  });
  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }],
    ["SESSION_IDLE_MINUTES", { SESSION_IDLE_MINUTES: "0" }],
    ["TRUST_PROXY", { TRUST_PROXY: "maybe" }],
    ["CCM_ENDPOINT", { CCM_ENDPOINT: "ftp://ccm.example" }],
    ["CCM_REGION", { CCM_REGION: "north pole" }],
    ["CONSOLE_ADMIN_PASSWORD", { CONSOLE_ADMIN_PASSWORD: "short" }],
    ["TLS_CERT_FILE", { TLS_CERT_FILE: "/tmp/cert.pem" }],
    ["HUAWEICLOUD_SDK_AK", { HUAWEICLOUD_SDK_AK: "ak-only" }],
  ])("fail/names %s", (variable, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}`));
  });
  it("ok/never echoes a secret value in the error", () => {
    expect(() => loadConfig({ CONSOLE_ADMIN_PASSWORD: "tiny-secret" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("tiny-secret") }),
    );
  });
  it("ok/reads PostgreSQL and session settings", () => {
    expect(
      loadConfig({ DATABASE_URL: "postgres://u@db/pca", SESSION_IDLE_MINUTES: "5", TRUST_PROXY: "true" }),
    ).toMatchObject({
      DATABASE_URL: "postgres://u@db/pca",
      SESSION_IDLE_MINUTES: 5,
      TRUST_PROXY: true,
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, SECRET_CONFIG_KEYS } from "./config";

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

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
  it("ok/never shows a bad secret value, even one the check's own words happen to spell", () => {
    // Too short, and exactly the words of the hint for a too-short password.
    expect(() => loadConfig({ CONSOLE_ADMIN_PASSWORD: "at least 12" })).toThrow(
      new ConfigError("CONSOLE_ADMIN_PASSWORD is not valid: Use [redacted] characters."),
    );
  });
  it("ok/a ConfigError holds no secret's value, for bad secrets and for good ones beside a bad variable", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 300 });
    const badSecret = fc.oneof(
      text.map((s) => ({ CONSOLE_ADMIN_PASSWORD: `pw ${s}`.slice(0, 11) })),
      text.map((s) => ({ CONSOLE_ADMIN_PASSWORD: `pw ${s}`.padEnd(600, "x") })),
      text.map((s) => ({ DATABASE_URL: `mysql://u:${s}@db/pca` })),
      text.map((s) => ({ DATABASE_URL: `postgres://u:pw @db/${s}` })),
      text.map((s) => ({ HUAWEICLOUD_SDK_AK: `ak ${s}` })),
      text.map((s) => ({ HUAWEICLOUD_SDK_SK: `sk ${s}` })),
    );
    const goodSecretsBesideABadVariable = fc
      .tuple(text, fc.constantFrom({ PORT: "eighty" }, { TLS_KEY_FILE: "/k.pem" }, { CCM_REGION: "x" }))
      .map(([s, bad]) => ({
        ...bad,
        CONSOLE_ADMIN_PASSWORD: `password ${s} long`.slice(0, 256),
        HUAWEICLOUD_SDK_AK: `ak ${s}`,
        HUAWEICLOUD_SDK_SK: `sk ${s}`,
        HUAWEICLOUD_IAM_PASSWORD: `iam ${s}`,
        DATABASE_URL: `postgres://u:${s.replace(/\s/g, "")}x@db/pca`,
      }));
    fc.assert(
      fc.property(
        fc.oneof(badSecret, goodSecretsBesideABadVariable),
        (env: Record<string, string | undefined>) => {
          const error = thrownBy(() => loadConfig(env));
          expect(error).toBeInstanceOf(ConfigError);
          for (const key of SECRET_CONFIG_KEYS) {
            const secret = env[key];
            if (secret !== undefined) expect(String(error)).not.toContain(secret);
          }
        },
      ),
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

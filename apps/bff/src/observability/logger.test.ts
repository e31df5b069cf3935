import { describe, expect, it } from "vitest";
import { loadConfig, SECRET_CONFIG_KEYS } from "../config";
import { createLogger } from "./logger";

const SECRETS = {
  CONSOLE_ADMIN_PASSWORD: "admin password from env 1",
  HUAWEICLOUD_SDK_AK: "AK-secret-0123456789",
  HUAWEICLOUD_SDK_SK: "SK-secret-0123456789abcdef",
  HUAWEICLOUD_IAM_PASSWORD: "iam password from env 2",
  DATABASE_URL: "postgres://pca:db-password-3@db.internal/pca",
} satisfies Record<(typeof SECRET_CONFIG_KEYS)[number], string>;

function capture() {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  return { logger, text: () => lines.join("") };
}

describe("the logger's redaction", () => {
  it("ok/a logged config or env object holds none of the config's secrets", () => {
    const env = { ...SECRETS, PORT: "8080", HUAWEICLOUD_IAM_USERNAME: "robot" };
    const config = loadConfig(env);
    const { logger, text } = capture();
    logger.info(config, "the config itself");
    logger.info({ config }, "the config one level down");
    logger.info({ env }, "the environment one level down");
    logger.warn({ settings: { ...config } }, "a copy under another name");
    const written = text();
    for (const secret of Object.values(SECRETS)) expect(written).not.toContain(secret);
    const [itself, nested, environment, copy] = written
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const key of SECRET_CONFIG_KEYS) {
      expect(itself[key]).toBe("[redacted]");
      expect(nested.config[key]).toBe("[redacted]");
      expect(environment.env[key]).toBe("[redacted]");
      expect(copy.settings[key]).toBe("[redacted]");
    }
    // Everything else is still logged.
    expect(nested.config).toMatchObject({ PORT: 8080, HUAWEICLOUD_IAM_USERNAME: "robot" });
  });
});

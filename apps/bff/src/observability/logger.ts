import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Paths pino removes from every log line: credentials in headers, cookies, and any field named
 * like a secret wherever a caller put it (passwords, tokens, AK/SK, CSR challenge passwords).
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'req.headers["x-auth-token"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "*.password",
  "*.newPassword",
  "*.secret",
  "*.token",
  "*.csrfToken",
  "*.sessionId",
  "*.ak",
  "*.sk",
  "*.accessKey",
  "*.secretKey",
  "*.HUAWEICLOUD_SDK_AK",
  "*.HUAWEICLOUD_SDK_SK",
  "*.HUAWEICLOUD_IAM_PASSWORD",
  "*.CONSOLE_ADMIN_PASSWORD",
  "*.DATABASE_URL",
  "*.challengePassword",
  "*.challenge_password",
  "*.csr",
  "*.privateKey",
  "password",
  "secret",
  "token",
  "csr",
];

/** The app's logger. `destination` lets tests capture every line (the secrets test reads them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "pca-bff" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

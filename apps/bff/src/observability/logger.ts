import pino, { type DestinationStream, type Logger } from "pino";
import { SECRET_CONFIG_KEYS } from "../config";

/**
 * Paths pino removes from every log line: credentials in headers, cookies, any field named like a
 * secret wherever a caller put it (passwords, tokens, AK/SK, CSR challenge passwords), and the
 * config's SECRET_CONFIG_KEYS.
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
  "*.challengePassword",
  "*.challenge_password",
  "*.csr",
  "*.privateKey",
  "password",
  "secret",
  "token",
  "csr",
  // The config's secrets, in a config or env object logged as is or one level down ({ config }).
  ...SECRET_CONFIG_KEYS.flatMap((key) => [key, `*.${key}`]),
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

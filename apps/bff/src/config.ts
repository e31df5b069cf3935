import { isAbsolute, resolve } from "node:path";
import { z } from "zod";

const optionalText = z.string().min(1).optional();
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "Use true or false." })
  .transform((v) => v === "true" || v === "1" || v === "yes");
const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * The BFF's whole configuration, read once from the environment at start. A bad value stops the
 * start with a sentence naming the variable; nothing else reads process.env. The upstream part
 * (CCM endpoint, AK/SK, IAM user) is read here too, so there is one config object, and is
 * interpreted by `src/upstream/`.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("data"),
  WEB_DIST: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `postgres://…` selects PostgreSQL; absent means SQLite at `DATA_DIR/console.db`. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "Use a postgres:// or postgresql:// URL." })
    .optional(),
  DATABASE_POOL_SIZE: positiveInt(10, 200),
  /** The first admin's password; when absent a random one is generated and printed once. */
  CONSOLE_ADMIN_PASSWORD: z.string().min(12, { error: "Use at least 12 characters." }).max(256).optional(),
  SESSION_IDLE_MINUTES: positiveInt(30, 24 * 60),
  SESSION_ABSOLUTE_HOURS: positiveInt(12, 24 * 30),
  /** Failed logins for one user name within LOGIN_WINDOW_MINUTES before it is locked. */
  LOGIN_MAX_FAILURES_PER_USER: positiveInt(5, 1000),
  /** Failed logins from one client address within LOGIN_WINDOW_MINUTES before it is refused. */
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(20, 100_000),
  LOGIN_WINDOW_MINUTES: positiveInt(15, 24 * 60),
  LOGIN_LOCKOUT_MINUTES: positiveInt(15, 24 * 60),
  /** Sign-in requests per minute from one address before 429, whatever their outcome (a flood guard). */
  LOGIN_REQUESTS_PER_MINUTE: positiveInt(60, 100_000),
  /**
   * Issuances per user per minute before 429 with Retry-After. CCM publishes no limit of its own;
   * this keeps a runaway script from spending the 100 000-certificate quota in minutes.
   */
  ISSUE_RATE_LIMIT_PER_MINUTE: positiveInt(120, 100_000_000),
  /**
   * An issuance still without an outcome this long after its `requested` event was cut off by a
   * crash: it is reconciled at start and every this often (issuance/recovery/). Must exceed CCM's
   * deadline (15 s) plus one reconciliation; several replicas may share one database.
   */
  ISSUE_RECOVERY_AFTER_SECONDS: positiveInt(300, 24 * 60 * 60),
  /**
   * How long the issuing CA read for the issuance policy (ShowCertificateAuthority) is reused;
   * 0 reads it for every issuance. CCM still refuses to issue from a CA that is not ACTIVED, and
   * the entry is dropped as soon as CCM refuses or fails an issuance from that CA.
   */
  ISSUER_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /** Express's `trust proxy`: set when a TLS-terminating proxy sets X-Forwarded-For/-Proto. */
  TRUST_PROXY: flag.default(false),
  /** Serve HTTPS directly with this PEM certificate and key (both or neither). */
  TLS_CERT_FILE: optionalText,
  TLS_KEY_FILE: optionalText,
  // Upstream (read by src/upstream/): emulator when no endpoint or region is set.
  CCM_ENDPOINT: z.url({ protocol: /^https?$/, error: "Use an http(s) URL." }).optional(),
  CCM_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: "Use a region id such as cn-north-4." })
    .optional(),
  HUAWEICLOUD_SDK_AK: optionalText,
  HUAWEICLOUD_SDK_SK: optionalText,
  HUAWEICLOUD_SDK_DOMAIN_ID: optionalText,
  HUAWEICLOUD_IAM_ENDPOINT: z.url({ protocol: /^https?$/, error: "Use an http(s) URL." }).optional(),
  HUAWEICLOUD_IAM_DOMAIN_NAME: optionalText,
  HUAWEICLOUD_IAM_USERNAME: optionalText,
  HUAWEICLOUD_IAM_PASSWORD: optionalText,
});
export type Config = z.infer<typeof ConfigSchema>;

/**
 * The variables whose values are secrets: the logger redacts them wherever a config or env object
 * is logged (observability/logger.ts), and a ConfigError never shows their values.
 */
export const SECRET_CONFIG_KEYS = [
  "CONSOLE_ADMIN_PASSWORD",
  "HUAWEICLOUD_SDK_AK",
  "HUAWEICLOUD_SDK_SK",
  "HUAWEICLOUD_IAM_PASSWORD",
  "DATABASE_URL",
] as const satisfies readonly (keyof Config)[];

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * `text` with every secret value of `env` replaced, longest first. The checks' own words do not
 * quote a value, but a secret may still be part of a sentence (a short password spelling "at
 * least"), and a message written later might quote one.
 */
function withoutSecrets(text: string, env: Readonly<Record<string, string | undefined>>): string {
  const secrets = SECRET_CONFIG_KEYS.map((key) => env[key] ?? "")
    .filter((value) => value !== "")
    .sort((a, b) => b.length - a.length);
  return secrets.reduce((redacted, secret) => redacted.replaceAll(secret, "[redacted]"), text);
}

/** Reads and checks the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join(".") ?? "environment";
    throw new ConfigError(
      `${variable} is not valid: ${withoutSecrets(issue?.message ?? "unknown problem", env).replace(/\.?$/, ".")}`,
    );
  }
  const config = parsed.data;
  if (Boolean(config.TLS_CERT_FILE) !== Boolean(config.TLS_KEY_FILE)) {
    throw new ConfigError("TLS_CERT_FILE and TLS_KEY_FILE are not valid: set both or neither.");
  }
  if (Boolean(config.HUAWEICLOUD_SDK_AK) !== Boolean(config.HUAWEICLOUD_SDK_SK)) {
    throw new ConfigError("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not valid: set both or neither.");
  }
  // DATA_DIR is relative to where the command was typed (pnpm and npm set INIT_CWD to it), not to
  // the package folder a `pnpm --filter` run happens to execute in.
  const base = env.INIT_CWD ?? process.cwd();
  return {
    ...config,
    DATA_DIR: isAbsolute(config.DATA_DIR) ? config.DATA_DIR : resolve(base, config.DATA_DIR),
  };
}

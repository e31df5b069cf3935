import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { createAuditService } from "./audit/audit-log";
import { ensureFirstAdmin } from "./auth/first-admin";
import { UserStore } from "./auth/users";
import type { RecoverableCommand } from "./commands/recovery/attempt-ledger";
import { scheduleRecovery } from "./commands/recovery/schedule-recovery";
import { ConfigError, loadConfig } from "./config";
import { systemClock } from "./core/clock";
import { createApp } from "./http/app";
import { listen } from "./http/server";
import { pkiReaders } from "./issuance/pki-readers";
import { issuanceRecovery } from "./issuance/recover-issuance";
import { createLogger } from "./observability/logger";
import { purgeExpired, schedulePurge } from "./storage/purge-expired";
import { openStorage } from "./storage/storage";
import { createUpstream } from "./upstream/create-upstream";

const here = dirname(fileURLToPath(import.meta.url));

// Under a steady stream of issuances V8 let the old generation grow to about 4× the live heap
// (~35 MB live, ~150 MB heap, ~210-245 MB RSS at 16 connections). Growing it by at most 1.5× keeps
// the peak near 160 MB for about 3% more CPU (`pnpm bench peers`); read by V8 at every GC, so
// setting it here at start is enough.
setFlagsFromString("--heap-growing-percent=50");

/**
 * Starts the console: config → database (migrated) → first admin → upstream (emulator by default)
 * → HTTP. A generated admin password is written once to stdout, never to the logger.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const storage = await openStorage({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const admin = await ensureFirstAdmin(
    new UserStore(storage.kysely, systemClock),
    config.CONSOLE_ADMIN_PASSWORD,
  );
  const upstream = await createUpstream(config);
  const audit = createAuditService(storage, systemClock);
  const app = createApp({
    config,
    logger,
    db: storage,
    audit,
    clock: systemClock,
    upstream,
    version: process.env.npm_package_version ?? "0.1.0",
    webDist: resolve(config.WEB_DIST ?? join(here, "../../web/dist")),
  });
  const tls =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { certFile: config.TLS_CERT_FILE, keyFile: config.TLS_KEY_FILE }
      : undefined;
  const server = await listen(app, config.PORT, config.HOST, tls);
  logger.info(
    { url: server.url, database: storage.dialect, upstream: upstream.mode },
    "PCA Console listening",
  );
  process.stdout.write(
    `PCA Console listening on ${server.url} (database: ${storage.dialect}, upstream: ${upstream.mode})\n`,
  );
  if (admin?.generatedPassword) {
    process.stdout.write(
      `First start: sign in as "${admin.username}" with password ${admin.generatedPassword}\n` +
        "(shown once; change it under Users, or set CONSOLE_ADMIN_PASSWORD before the first start)\n",
    );
  } else if (admin) {
    process.stdout.write(`First start: sign in as "${admin.username}" with CONSOLE_ADMIN_PASSWORD.\n`);
  }
  // Every state-changing command whose attempts a crash may interrupt, with how to settle them.
  const recoverable: RecoverableCommand[] = [
    {
      action: "certificate.issue",
      recovery: issuanceRecovery({ ccm: upstream.ccm, readCertificate: pkiReaders.readCertificate }),
    },
  ];
  const stopRecovery = scheduleRecovery(
    { db: storage.kysely, audit, now: () => systemClock.now() },
    recoverable,
    config.ISSUE_RECOVERY_AFTER_SECONDS * 1000,
    logger,
  );
  const stopPurge = schedulePurge(
    () => purgeExpired(storage.kysely, systemClock, config.LOGIN_WINDOW_MINUTES * 60_000),
    15 * 60_000,
    (error) => logger.warn({ err: error }, "purging expired rows failed"),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopPurge();
    stopRecovery();
    server
      .close()
      .then(() => upstream.close())
      .then(() => storage.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? reason : `The console could not start: ${reason}`);
  process.exit(1);
});

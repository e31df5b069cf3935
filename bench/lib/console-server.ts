// The console's BFF as apps/bff/src/main.ts wires it (config → database, migrated → first admin →
// upstream → HTTP), run as its own process by bench/lib/console-process.ts. Two differences, both
// for a benchmark that loads it with one API token: the per-user issuance rate limit is raised
// (config.ts does not define ISSUE_RATE_LIMIT_PER_MINUTE yet; issue-handler.ts reads it when
// present, as bench/lib/bff-server.ts does), and no SPA is served. DATABASE_URL selects
// PostgreSQL as in main; CCM_ENDPOINT + HUAWEICLOUD_SDK_* point it at an emulator process.
import { createAuditService } from "../../apps/bff/src/audit/audit-log";
import { ensureFirstAdmin } from "../../apps/bff/src/auth/first-admin";
import { UserStore } from "../../apps/bff/src/auth/users";
import { loadConfig } from "../../apps/bff/src/config";
import { createApp } from "../../apps/bff/src/http/app";
import { systemClock } from "../../apps/bff/src/http/deps";
import { listen } from "../../apps/bff/src/http/server";
import { createLogger } from "../../apps/bff/src/observability/logger";
import { openStorage } from "../../apps/bff/src/storage/storage";
import { createUpstream } from "../../apps/bff/src/upstream/create-upstream";

const config = Object.assign(loadConfig(), {
  ISSUE_RATE_LIMIT_PER_MINUTE: Number(process.env.ISSUE_RATE_LIMIT_PER_MINUTE ?? 10_000_000),
});
const storage = await openStorage({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  poolSize: config.DATABASE_POOL_SIZE,
});
await ensureFirstAdmin(new UserStore(storage.kysely, systemClock), config.CONSOLE_ADMIN_PASSWORD);
const upstream = await createUpstream(config);
const app = createApp({
  config,
  logger: createLogger(config.LOG_LEVEL),
  db: storage,
  audit: createAuditService(storage.kysely, systemClock),
  clock: systemClock,
  upstream,
  checkUpstream: () => upstream.ready(),
  version: "bench",
});
const server = await listen(app, config.PORT, config.HOST);
process.stdout.write(`listening ${server.url} (database: ${storage.dialect}, upstream: ${upstream.mode})\n`);
const stop = () => {
  void server
    .close()
    .then(() => upstream.close())
    .then(() => storage.close())
    .finally(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

// The BFF as `pnpm start` runs it (config → database → first admin → emulator upstream → HTTP),
// for `pnpm bench issue`, with one difference: the per-user issuance rate limit is raised so that
// one benchmark user can load it. config.ts does not define ISSUE_RATE_LIMIT_PER_MINUTE yet, so
// it is added to the loaded config here (see the note in apps/bff/src/resources/issue-handler.ts).
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
const storage = await openStorage({ dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
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
process.stdout.write(`listening ${server.url}\n`);
process.once("SIGTERM", () => {
  void server
    .close()
    .then(() => upstream.close())
    .then(() => storage.close())
    .finally(() => process.exit(0));
});

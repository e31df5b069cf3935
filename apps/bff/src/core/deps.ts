import type { Router } from "express";
import type { Logger } from "pino";
import type { Config } from "../config";
import type { Storage } from "../storage/storage";
import type { Upstream } from "../upstream/port";
import type { AuditService } from "./audit-port";
import type { Clock } from "./clock";

/**
 * Everything `createApp(deps)` needs, built once in main.ts (or by a test):
 *
 * - `config`: the one config object (config.ts).
 * - `logger`: pino, with the app's redaction; pass `pino({ level: "silent" })` to mute.
 * - `db`: the migrated database (`db.kysely: Kysely<Database>`, `db.dialect: "sqlite" | "postgres"`).
 * - `audit`: the hash-chained log: `append` (rejects when it cannot write: fail closed),
 *   `query`, `verify`.
 * - `clock`: `now()` in ms; sessions, tokens, lockouts and audit times all read it.
 * - `upstream`: CCM through the port, built by `createUpstream(config)` (src/upstream/); read by
 *   the resource routes and probed by `/readyz`. An app without CCM (the platform's own tests)
 *   gets `unconfiguredUpstream()`, whose every call answers NOT_READY.
 * - `extraRouters`: more routers mounted at the root after the platform's routes and before the
 *   /api 404 (tests and tools; resource routes are listed in routes/index.ts).
 * - `version`, `webDist`: shown on /healthz; folder of the built SPA (absent: API only).
 */
export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Storage;
  readonly audit: AuditService;
  readonly clock: Clock;
  readonly upstream: Upstream;
  readonly extraRouters?: readonly Router[];
  readonly version: string;
  readonly webDist?: string | undefined;
}

import type { Router } from "express";
import type { Logger } from "pino";
import type { Config } from "../config";
import type { Storage } from "../storage/storage";
import type { UpstreamReadiness } from "../upstream/port";
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
 * - `upstream`: opaque here; filled by `createUpstream(config)` from src/upstream/ and read by
 *   the resource routes (cas, certificates, csr).
 * - `checkUpstream`: the readiness probe of the upstream, for `/readyz`.
 * - `extraRouters`: more routers mounted at the root after the platform's routes and before the
 *   /api 404 (tests and tools; resource routes are listed in routes/index.ts).
 * - `version`, `webDist`: shown on /healthz; folder of the built SPA (absent: API only).
 */
export interface AppDeps<TUpstream = unknown> {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Storage;
  readonly audit: AuditService;
  readonly clock: Clock;
  readonly upstream: TUpstream;
  readonly checkUpstream?: () => Promise<UpstreamReadiness>;
  readonly extraRouters?: readonly Router[];
  readonly version: string;
  readonly webDist?: string | undefined;
}

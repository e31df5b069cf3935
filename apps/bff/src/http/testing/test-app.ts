import { Writable } from "node:stream";
import type { Router } from "express";
import { createAuditService } from "../../audit/audit-log";
import { UserStore } from "../../auth/users";
import { type Config, loadConfig } from "../../config";
import type { AppDeps } from "../../core/deps";
import { createLogger } from "../../observability/logger";
import { openStorage, type SqlDialectName } from "../../storage/storage";
import { createTestStorage, type TestStorage } from "../../storage/testing/test-storage";
import type { Upstream } from "../../upstream/port";
import { unconfiguredUpstream } from "../../upstream/unconfigured";
import { createApp } from "../app";
import { listen } from "../server";
import { recordTraffic } from "./traffic";

/** A clock tests move by hand. */
export class TestClock {
  constructor(public time = 1_767_225_600_000) {}
  now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestApp {
  readonly url: string;
  readonly deps: AppDeps;
  readonly storage: TestStorage;
  readonly clock: TestClock;
  /** Every log line this app wrote. */
  readonly logs: string[];
  /** Adds a user directly in the database. */
  addUser(username: string, password: string, role: "viewer" | "issuer" | "admin"): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly extraRouters?: readonly Router[];
  /** CCM; default: none (every call NOT_READY) while /readyz reports ready, mode "test". */
  readonly upstream?: Upstream;
  /** Run as a second replica on another app's PostgreSQL database (its own connection pool). */
  readonly replicaOf?: TestApp;
}

/**
 * The real app on an ephemeral loopback port over a fresh database of the given engine, with a
 * movable clock and captured logs. Every response and log line is also fed to the suite-wide
 * traffic record that the secrets test reads.
 */
export async function startTestApp(engine: SqlDialectName, options: TestAppOptions = {}): Promise<TestApp> {
  const primary = options.replicaOf;
  const storage: TestStorage = primary
    ? {
        ...(await openStorage({
          databaseUrl: primary.storage.url,
          dataDir: primary.storage.dataDir,
          poolSize: 5,
        })),
        url: primary.storage.url,
        dataDir: primary.storage.dataDir,
      }
    : await createTestStorage(engine);
  const clock = primary?.clock ?? new TestClock();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = chunk.toString("utf8");
      logs.push(line);
      recordTraffic(line);
      done();
    },
  });
  const config: Config = loadConfig({ LOG_LEVEL: "info", DATA_DIR: storage.dataDir, ...options.env });
  const deps: AppDeps = {
    config,
    logger: createLogger(config.LOG_LEVEL, sink),
    db: storage,
    audit: createAuditService(storage, clock),
    clock,
    upstream: options.upstream ?? unconfiguredUpstream({ ok: true, mode: "test" }),
    extraRouters: options.extraRouters ?? [],
    version: "0.0.0-test",
  };
  const server = await listen(createApp(deps), 0, "127.0.0.1");
  const users = new UserStore(storage.kysely, clock);
  return {
    url: server.url,
    deps,
    storage,
    clock,
    logs,
    addUser: async (username, password, role) => {
      await users.create(username, password, role);
    },
    close: async () => {
      await server.close();
      await storage.close();
    },
  };
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type IamUser, TokenIssuer } from "./auth/iam";
import type { Credentials } from "./auth/verify";
import { generateCredentials, generatePassword } from "./credentials";
import { Faults } from "./faults";
import { HangRegistry } from "./http/faults-middleware";
import { SEED, seedDatabase } from "./pki/seed";
import { SignerCache } from "./pki/signers";
import { createApp, type EmulatorLogger } from "./server";
import { openDb } from "./state/db";

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** A SQLite file path (created with its directory) or ":memory:" (the default). */
  readonly database?: string;
  /** AK/SK and account id to accept; generated when absent. */
  readonly credentials?: Partial<Credentials>;
  /** Users of the IAM endpoint; default one generated user of the account "example-account". */
  readonly iamUsers?: readonly IamUser[];
  /** Seed the CAs on a database's first start (default true). */
  readonly seed?: boolean;
  /** The emulator's clock; default Date.now. */
  readonly clock?: { now(): number };
  readonly logger?: EmulatorLogger;
  /** Mount the loopback-only /__emulator admin routes (default true). */
  readonly admin?: boolean;
}

/** The ids of the seeded CAs, found by name (undefined when the database was not seeded). */
export interface SeededCas {
  readonly rootCaId: string;
  /** ACTIVED, EC P-256: the CA the console and the benchmark issue from. */
  readonly issuingCaId: string;
  /** PENDING, with a key: its CSR exports. */
  readonly partnerCaId: string;
  /** DISABLED. */
  readonly legacyCaId: string;
}

export interface RunningEmulator {
  /** `http://host:port`, no trailing slash: the CCM endpoint, and IAM's too. */
  readonly url: string;
  readonly port: number;
  readonly credentials: Credentials;
  readonly iamUsers: readonly IamUser[];
  readonly seeded: SeededCas | undefined;
  /** Fault injection (the same rules the admin route edits). */
  readonly faults: Faults;
  /** Stops listening, ends open and hung connections, closes the database. */
  close(): Promise<void>;
}

function findSeeded(db: ReturnType<typeof openDb>): SeededCas | undefined {
  const idOf = (cn: string) =>
    (
      db.prepare("SELECT ca_id FROM cas WHERE common_name = ? ORDER BY create_time LIMIT 1").get(cn) as
        | { ca_id: string }
        | undefined
    )?.ca_id;
  const ids = [SEED.root, SEED.issuing, SEED.partner, SEED.legacy].map((s) => idOf(s.dn.common_name ?? ""));
  const [rootCaId, issuingCaId, partnerCaId, legacyCaId] = ids;
  if (!rootCaId || !issuingCaId || !partnerCaId || !legacyCaId) return undefined;
  return { rootCaId, issuingCaId, partnerCaId, legacyCaId };
}

/**
 * Starts a CCM PCA emulator over real HTTP (keep-alive) on a loopback port: same paths, bodies,
 * status codes and error bodies as CCM, signatures or IAM tokens verified, real keys, SQLite state.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const generated = generateCredentials();
  const credentials: Credentials = {
    ak: options.credentials?.ak ?? generated.ak,
    sk: options.credentials?.sk ?? generated.sk,
    domainId: options.credentials?.domainId ?? generated.domainId,
  };
  const iamUsers = options.iamUsers ?? [
    { domainName: "example-account", name: "pca-admin", password: generatePassword() },
  ];
  const now = () => (options.clock ? options.clock.now() : Date.now());
  const db = openDb(options.database ?? ":memory:");
  if (options.seed !== false) await seedDatabase(db, now());
  const faults = new Faults();
  const hangs = new HangRegistry();
  const state = {
    db,
    signers: new SignerCache(),
    tokens: new TokenIssuer(iamUsers, credentials.domainId),
    credentials,
  };
  const listener = createApp({ state, faults, hangs, now, logger: options.logger, admin: options.admin });
  const host = options.host ?? "127.0.0.1";
  const server: Server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    credentials,
    iamUsers,
    seeded: findSeeded(db),
    faults,
    close() {
      closed ??= new Promise<void>((resolve) => {
        hangs.releaseAll();
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

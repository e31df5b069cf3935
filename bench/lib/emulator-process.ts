import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCcmClient } from "@pca/ccm-client";
import { nodeBundleOptions } from "../../apps/bff/scripts/node-bundle.mjs";
import { endChild, onStop } from "./lifecycle";
import { freePort, waitForHttp } from "./process";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where buildEmulator writes the bundle (dist/ is not committed). */
const EMULATOR_BUNDLE = join(ROOT, "packages/ccm-emulator/dist/main.js");

let built = false;

/**
 * Bundles packages/ccm-emulator/src/main.ts with esbuild into plain JavaScript, once per benchmark
 * run, so the emulator runs on Node without the tsx loader (its own thread and transpiled
 * sources, ~20 MB of RSS) — as the console's bundle already does (apps/bff/scripts/build.mjs,
 * same options). The emulator package has no build dependency of its own, so this borrows the
 * esbuild apps/bff builds the console with. better-sqlite3 (native) stays external and resolves
 * from packages/ccm-emulator/node_modules.
 */
export function buildEmulator(): string {
  if (built) return EMULATOR_BUNDLE;
  const esbuild = createRequire(join(ROOT, "apps/bff/package.json"))("esbuild") as {
    buildSync(options: Record<string, unknown>): unknown;
  };
  esbuild.buildSync(
    nodeBundleOptions({
      entry: join(ROOT, "packages/ccm-emulator/src/main.ts"),
      outfile: EMULATOR_BUNDLE,
      external: ["better-sqlite3"],
    }),
  );
  built = true;
  return EMULATOR_BUNDLE;
}

/** A CCM emulator in its own process (`pnpm emulator`'s main), with a fresh file database. */
export interface EmulatorProcess {
  readonly url: string;
  readonly pid: number;
  readonly credentials: { readonly ak: string; readonly sk: string; readonly domainId: string };
  /** The seeded ACTIVED EC P-256 issuing CA. */
  readonly issuerId: string;
  stop(): Promise<void>;
}

/**
 * Starts the emulator's main (`pnpm emulator`'s, bundled by buildEmulator) on a free loopback
 * port with fresh AK/SK and a SQLite file (WAL) in a temp folder, so its RSS and CPU are its own;
 * registered with lifecycle.onStop. `nodeArgs` go before the script (e.g. `--cpu-prof`).
 */
export async function startEmulatorProcess(nodeArgs: readonly string[] = []): Promise<EmulatorProcess> {
  const bundle = buildEmulator();
  const dir = mkdtempSync(join(tmpdir(), "pca-bench-emulator-"));
  const port = await freePort();
  const credentials = {
    ak: `BENCH${randomBytes(8).toString("hex").toUpperCase()}`,
    sk: randomBytes(20).toString("hex"),
    domainId: randomBytes(16).toString("hex"),
  };
  const child = spawn(process.execPath, [...nodeArgs, bundle], {
    stdio: ["ignore", "ignore", "inherit"],
    cwd: ROOT,
    env: {
      ...process.env,
      EMULATOR_HOST: "127.0.0.1",
      EMULATOR_PORT: String(port),
      EMULATOR_DB: join(dir, "emulator.sqlite"),
      CCM_EMULATOR_AK: credentials.ak,
      CCM_EMULATOR_SK: credentials.sk,
      CCM_EMULATOR_DOMAIN_ID: credentials.domainId,
    },
  });
  const stop = onStop("ccm emulator", async () => {
    await endChild(child);
    rmSync(dir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/v1/private-certificate-authorities`, 60_000);
  const client = createCcmClient({
    endpoint: { url },
    credentials: { kind: "aksk", ...credentials },
    timeoutMs: 10_000,
  });
  try {
    const cas = await client.listCertificateAuthorities({ status: "ACTIVED", type: "SUBORDINATE" });
    if (!cas.ok) throw new Error(`listing the emulator's CAs failed: ${cas.error.message}`);
    const issuer = cas.value.certificate_authorities.find((c) => c.key_algorithm === "EC256");
    if (!issuer) throw new Error("the emulator has no ACTIVED EC P-256 issuing CA");
    return { url, pid: child.pid ?? 0, credentials, issuerId: issuer.ca_id, stop };
  } finally {
    await client.close();
  }
}

import type { RunningEmulator, SeededCas } from "@pca/ccm-emulator";
import type { ApiClient } from "../../http/testing/client";
import { signedIn } from "../../http/testing/sign-in";
import { startTestApp, type TestApp } from "../../http/testing/test-app";
import type { SqlDialectName } from "../../storage/storage";
import { createUpstream } from "../../upstream/create-upstream";
import type { Upstream } from "../../upstream/port";

export interface ResourceApp {
  readonly app: TestApp;
  readonly upstream: Upstream;
  readonly emulator: RunningEmulator;
  readonly seeded: SeededCas;
  readonly viewer: ApiClient;
  readonly issuer: ApiClient;
  /** How many requests of a CCM operation reached the emulator since the app started. */
  hits(
    operation:
      | "CreateCertificateByCsr"
      | "ExportCertificateAuthorityCsr"
      | "ListCertificate"
      | "ShowCertificateAuthority",
  ): number;
  close(): Promise<void>;
}

/**
 * The real app (platform edge, auth, audit, database, every route of routes/index.ts) on an
 * ephemeral port with an in-process emulator reached through the signed client as its upstream;
 * a viewer and an issuer signed in.
 */
export async function startResourceApp(
  options: { engine?: SqlDialectName; timeoutMs?: number } = {},
): Promise<ResourceApp> {
  const upstream = await createUpstream(
    { DATA_DIR: "unused" },
    { emulatorDatabase: ":memory:", timeoutMs: options.timeoutMs ?? 2000 },
  );
  const emulator = upstream.emulator;
  const seeded = emulator?.seeded;
  if (!emulator || !seeded) throw new Error("the emulator did not start with its seeded CAs");
  const counters = Object.fromEntries(
    (
      [
        "CreateCertificateByCsr",
        "ExportCertificateAuthorityCsr",
        "ListCertificate",
        "ShowCertificateAuthority",
      ] as const
    ).map((operation) => [operation, emulator.faults.latency(0, { operation })]),
  );
  const app = await startTestApp(options.engine ?? "sqlite", { upstream });
  const viewer = await signedIn(app, "vera", "viewer");
  const issuer = await signedIn(app, "ivan", "issuer");
  return {
    app,
    upstream,
    emulator,
    seeded,
    viewer,
    issuer,
    hits: (operation) => emulator.faults.list().find((r) => r.id === counters[operation])?.hits ?? 0,
    close: async () => {
      await app.close();
      await upstream.close();
    },
  };
}

import type { RunningEmulator, SeededCas } from "@pca/ccm-emulator";
import { Router as makeRouter, type Router } from "express";
import type { AppDeps } from "../../http/deps";
import type { ApiClient } from "../../http/testing/client";
import { signedIn } from "../../http/testing/sign-in";
import { startTestApp, type TestApp } from "../../http/testing/test-app";
import { casRoutes } from "../../routes/cas";
import { certificatesRoutes } from "../../routes/certificates";
import { csrRoutes } from "../../routes/csr";
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
  hits(operation: "CreateCertificateByCsr" | "ExportCertificateAuthorityCsr" | "ListCertificate"): number;
  close(): Promise<void>;
}

/** A router slot filled once the app's deps exist (startTestApp builds them), before any request. */
function slot(): { router: Router; fill(router: Router): void } {
  let inner: Router | undefined;
  const router = makeRouter();
  router.use((req, res, next) => (inner ? inner(req, res, next) : next()));
  return { router, fill: (r) => (inner = r) };
}

/**
 * The real app (platform edge, auth, audit, database) on an ephemeral port with the resource
 * routes and an in-process emulator reached through the signed client; a viewer and an issuer
 * signed in. Routes already in routes/index.ts answer first; these mounts are the fallback.
 */
export async function startResourceApp(
  options: { engine?: SqlDialectName; issuesPerMinute?: number; timeoutMs?: number } = {},
): Promise<ResourceApp> {
  const upstream = await createUpstream(
    { DATA_DIR: "unused" },
    { emulatorDatabase: ":memory:", timeoutMs: options.timeoutMs ?? 2000 },
  );
  const emulator = upstream.emulator;
  const seeded = emulator?.seeded;
  if (!emulator || !seeded) throw new Error("the emulator did not start with its seeded CAs");
  const counters = Object.fromEntries(
    (["CreateCertificateByCsr", "ExportCertificateAuthorityCsr", "ListCertificate"] as const).map(
      (operation) => [operation, emulator.faults.latency(0, { operation })],
    ),
  );
  const slots = [slot(), slot(), slot()] as const;
  const app = await startTestApp(options.engine ?? "sqlite", {
    upstream,
    checkUpstream: () => upstream.ready(),
    extraRouters: slots.map((s) => s.router),
  });
  const deps: AppDeps = app.deps;
  slots[0].fill(csrRoutes(deps));
  slots[1].fill(casRoutes(deps));
  const perMinute = options.issuesPerMinute;
  slots[2].fill(certificatesRoutes(deps, perMinute === undefined ? {} : { issuesPerMinute: perMinute }));
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

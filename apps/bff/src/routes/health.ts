import { HealthResponseSchema, type ReadyResponse, ReadyResponseSchema } from "@pca/contracts";
import { Router } from "express";
import type { AppDeps } from "../core/deps";
import { sendJson } from "../http/respond";
import { metricsRegistry } from "../observability/metrics";

const CHECK_TIMEOUT_MS = 2_000;

async function timed<T>(check: () => Promise<T>): Promise<{ value: T | undefined; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CHECK_TIMEOUT_MS);
  });
  try {
    const value = await Promise.race([check(), timeout]);
    return { value, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { value: undefined, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` (the process answers), `/readyz` (the database answers and the upstream check passes,
 * each within 2 s; 503 otherwise) and `/metrics` (Prometheus text). Public, outside /api.
 */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, HealthResponseSchema, { status: "ok", version: deps.version });
  });

  router.get("/readyz", async (_req, res) => {
    const db = await timed(async () => {
      await deps.db.ping();
      return true;
    });
    const upstream = await timed(() => deps.upstream.ready());
    const body: ReadyResponse = {
      status: db.value === true && upstream.value?.ok === true ? "ready" : "not_ready",
      checks: {
        database: { ok: db.value === true, latencyMs: db.latencyMs },
        upstream: {
          ok: upstream.value?.ok === true,
          latencyMs: upstream.latencyMs,
          mode: upstream.value?.mode ?? "unknown",
        },
      },
    };
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, ReadyResponseSchema, body, body.status === "ready" ? 200 : 503);
  });

  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", metricsRegistry.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.send(await metricsRegistry.metrics());
  });

  return router;
}

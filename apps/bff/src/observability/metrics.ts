import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * The BFF's Prometheus metrics, on one registry served at /metrics. Module-level so the resource
 * routes and the issuance use case can import and record without plumbing; several apps in one
 * process (tests) share them, which only sums their counts.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "pca_bff_" });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Requests by method, route template (`/api/cas/:caId`, never the raw path) and status. */
export const httpRequests = new Counter({
  name: "pca_http_requests_total",
  help: "HTTP requests answered, by method, route template and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: "pca_http_request_duration_seconds",
  help: "HTTP request latency by method and route template",
  labelNames: ["method", "route"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/**
 * Upstream (CCM) call latency by operation (CCM's name: `CreateCertificateByCsr`, `ListCertificate`…)
 * and outcome (`ok` or an error code such as `UPSTREAM_TIMEOUT`). Record with
 * `upstreamDuration.observe({ operation, outcome }, seconds)`.
 */
export const upstreamDuration = new Histogram({
  name: "pca_upstream_request_duration_seconds",
  help: "Upstream CCM call latency by operation and outcome",
  labelNames: ["operation", "outcome"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** Upstream errors by operation and stable code: `upstreamErrors.inc({ operation, code })`. */
export const upstreamErrors = new Counter({
  name: "pca_upstream_errors_total",
  help: "Upstream CCM call failures by operation and error code",
  labelNames: ["operation", "code"] as const,
  registers: [metricsRegistry],
});

/**
 * Issuances by outcome: `succeeded`, `failed`, `refused` (policy or validation, never sent),
 * `unknown` (the upstream may have issued), `replayed` (Idempotency-Key repeat):
 * `issuances.inc({ outcome })`.
 */
export const issuances = new Counter({
  name: "pca_issuances_total",
  help: "Certificate issuances by outcome",
  labelNames: ["outcome"] as const,
  registers: [metricsRegistry],
});

/** Sign-ins by outcome (`success`, `failure`, `locked`). */
export const logins = new Counter({
  name: "pca_logins_total",
  help: "Sign-in attempts by outcome",
  labelNames: ["outcome"] as const,
  registers: [metricsRegistry],
});

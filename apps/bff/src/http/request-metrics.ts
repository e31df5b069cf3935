import type { RequestHandler } from "express";
import { httpRequestDuration, httpRequests } from "../observability/metrics";

/**
 * Counts every answer and its latency by route template (`/api/cas/:caId`), never by raw path,
 * so ids in URLs cannot blow up the number of series. Unmatched paths share one label.
 */
export function requestMetrics(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const template: unknown = req.route?.path;
      const route = typeof template === "string" ? `${req.baseUrl}${template}` : "unmatched";
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      httpRequestDuration.observe({ method: req.method, route }, seconds);
    });
    next();
  };
}

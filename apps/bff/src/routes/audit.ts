import { AuditChainStatusSchema, AuditListResponseSchema, type AuditQuery } from "@pca/contracts";
import { type Response, Router } from "express";
import { csvHeader, csvRow } from "../audit/csv";
import type { AppDeps } from "../core/deps";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";

const list = contractFor("GET", "/api/audit");
const csv = contractFor("GET", "/api/audit.csv");
const json = contractFor("GET", "/api/audit.json");
const verify = contractFor("GET", "/api/audit/verify");

/** Writes chunks in order, waiting when the socket's buffer is full (large exports stay small in memory). */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve));
}

/** `GET /api/audit` (filters, paging), the `.csv` and `.json` exports (audited), and `/verify`. */
export function auditRoutes(deps: AppDeps): Router {
  const router = Router();

  const exportFile = (format: "csv" | "json") => async (res: Response, filter: AuditQuery) => {
    const actor = res.locals.actor;
    if (!actor) throw new Error("requireAccess let an anonymous caller through.");
    // The export is recorded first: if that fails, nothing is exported.
    await deps.audit.append({
      actor: actor.username,
      role: actor.role,
      action: "audit.export",
      target: null,
      outcome: "success",
      requestId: res.locals.requestId,
      details: { format, filter },
    });
    const stamp = new Date(deps.clock.now()).toISOString().slice(0, 10);
    res.setHeader(
      "Content-Type",
      format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    );
    res.setHeader("Content-Disposition", `attachment; filename="pca-audit-${stamp}.${format}"`);
    res.setHeader("Cache-Control", "no-store");
    // Exports take every match, oldest first; limit/offset page them when given.
    const skip = filter.offset ?? 0;
    const take = filter.limit ?? Number.POSITIVE_INFINITY;
    let index = 0;
    let written = 0;
    await write(res, format === "csv" ? csvHeader() : "[");
    for await (const event of deps.audit.stream({ ...filter, limit: undefined, offset: undefined })) {
      if (index++ < skip) continue;
      if (written >= take) break;
      await write(
        res,
        format === "csv" ? csvRow(event) : `${written > 0 ? "," : ""}\n${JSON.stringify(event)}`,
      );
      written += 1;
    }
    res.end(format === "csv" ? "" : "\n]\n");
  };

  mountRoute(router, list, async (_req, res) => {
    const { query } = inputOf(res.locals, list);
    sendJson(res, AuditListResponseSchema, await deps.audit.query(query));
  });
  mountRoute(router, csv, async (_req, res) => exportFile("csv")(res, inputOf(res.locals, csv).query));
  mountRoute(router, json, async (_req, res) => exportFile("json")(res, inputOf(res.locals, json).query));
  mountRoute(router, verify, async (_req, res) => {
    sendJson(res, AuditChainStatusSchema, await deps.audit.verify());
  });

  return router;
}

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { HealthResponseSchema } from "@pca/contracts";
import express, { type Express } from "express";
import type { z } from "zod";

export interface AppOptions {
  /** Folder of the built SPA; when absent or missing on disk the BFF serves the API only. */
  readonly webDist?: string | undefined;
  readonly version: string;
}

/** Builds the Express app: health routes, then the SPA with history fallback. */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    const body: z.infer<typeof HealthResponseSchema> = { status: "ok", version: options.version };
    res.json(body);
  });
  const dist = options.webDist;
  if (dist && existsSync(join(dist, "index.html"))) {
    app.use(express.static(dist, { index: false, maxAge: "1h" }));
    app.get(/^\/(?!api\/|api$).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(join(dist, "index.html"));
    });
  }
  return app;
}

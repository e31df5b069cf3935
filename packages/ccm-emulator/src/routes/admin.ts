import type { Request, Response, Router } from "express";
import express from "express";
import { type Faults, parseFaultSpec } from "../faults";
import { readBody } from "../http/body";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The fault-injection admin surface, `/__emulator/faults`, answered only to loopback clients and
 * needing no signature: POST adds a rule ({action, operation?, method?, path?, times?}) → 201
 * {id}; GET lists the rules; DELETE clears them; DELETE /:id removes one.
 */
export function adminRouter(faults: Faults): Router {
  const router = express.Router();
  router.use((req: Request, res: Response, next) => {
    if (LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
    res.status(403).json({ error_code: "APIGW.0101", error_msg: "The admin API is loopback only." });
  });
  router.get("/faults", (_req, res) => {
    res.json({ faults: faults.list() });
  });
  router.post("/faults", async (req, res) => {
    let input: unknown;
    try {
      input = JSON.parse((await readBody(req)).toString("utf8"));
    } catch {
      input = undefined;
    }
    const spec = parseFaultSpec(input);
    if (typeof spec === "string") {
      res.status(400).json({ error_code: "PCA.00020001", error_msg: spec });
      return;
    }
    res.status(201).json({ id: faults.add(spec) });
  });
  router.delete("/faults", (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  router.delete("/faults/:id", (req, res) => {
    res.status(faults.remove(req.params.id) ? 204 : 404).end();
  });
  return router;
}

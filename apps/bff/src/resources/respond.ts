import type { Response } from "express";
import type { Actor } from "../core/actor";
import { sendFailure } from "../http/error-status";
import { contentDisposition } from "./attachment";

/**
 * Sends a resource or upstream failure: the envelope, plus `Retry-After` when CCM throttled
 * (its own value when it sent one) so scripts back off the same way as for the console's 429.
 */
export function sendResourceFailure(
  res: Response,
  failure: Parameters<typeof sendFailure>[1] & { readonly retryAfterSeconds?: number },
): void {
  if (failure.code === "UPSTREAM_RATE_LIMITED" || failure.code === "RATE_LIMITED") {
    res.setHeader("Retry-After", String(failure.retryAfterSeconds ?? 1));
  }
  sendFailure(res, failure);
}

/** Sends a PEM file as an attachment (RFC 6266 file name) that no cache keeps. */
export function sendPemFile(res: Response, body: string, fileName: string, mediaType: string): void {
  res.setHeader("Content-Type", mediaType);
  res.setHeader("Content-Disposition", contentDisposition(fileName));
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.status(200).send(Buffer.from(body, "utf8"));
}

/** The caller; requireAccess guarantees one on every non-public route. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor;
  if (!actor) throw new Error("requireAccess let an anonymous caller through.");
  return actor;
}

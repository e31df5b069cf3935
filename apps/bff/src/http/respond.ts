import type { Response } from "express";
import type { z } from "zod";

/**
 * Sends JSON after checking it against the contract's response schema ("validated on the way
 * out"). A mismatch is a bug on our side: it throws, and the error middleware answers INTERNAL
 * and logs the cause, so a malformed or over-wide object never reaches the caller.
 */
export function sendJson<S extends z.ZodType>(
  res: Response,
  schema: S,
  body: z.input<S>,
  status = 200,
): void {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`Response does not match its contract: ${parsed.error.issues[0]?.message ?? "unknown"}`);
  }
  res.status(status).json(parsed.data);
}

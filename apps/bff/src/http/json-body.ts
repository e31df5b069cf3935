import express, { type RequestHandler } from "express";
import { sendFailure } from "./error-status";

/** The largest JSON body accepted (a CSR is at most 64 KiB of input; the rest is small). */
export const BODY_LIMIT_BYTES = 128 * 1024;

const hasBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers["transfer-encoding"] !== undefined ||
  (headers["content-length"] !== undefined && headers["content-length"] !== "0");

/**
 * JSON only: a request that carries a body must say `Content-Type: application/json` (415
 * UNSUPPORTED_MEDIA_TYPE otherwise, so HTML forms cannot post here at all), and the body is parsed
 * with a size limit. Parse and size errors reach the error middleware (BAD_JSON, BODY_TOO_LARGE).
 */
export function jsonBody(): RequestHandler[] {
  const onlyJson: RequestHandler = (req, res, next) => {
    if (hasBody(req.headers) && !req.is("application/json")) {
      return sendFailure(res, {
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: "Send the request body as JSON with Content-Type: application/json.",
      });
    }
    next();
  };
  return [onlyJson, express.json({ limit: BODY_LIMIT_BYTES, strict: true, type: "application/json" })];
}

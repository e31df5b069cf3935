import { API_ROUTES } from "@pca/contracts";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import type { CodedFailure } from "../core/failure";
import { CodedError } from "../core/failure";
import { sendFailure } from "./error-status";

const patterns = API_ROUTES.map((r) => ({
  method: r.method,
  regex: new RegExp(`^${r.path.replace(/[.]/g, "\\.").replace(/:[A-Za-z]+/g, "[^/]+")}/?$`),
}));

/** The methods the contracts define for a path; empty when the path is no route at all. */
export function allowedMethods(path: string): string[] {
  return patterns.filter((p) => p.regex.test(path)).map((p) => p.method);
}

/**
 * The end of /api: 405 METHOD_NOT_ALLOWED with `Allow` when the path is a route with other
 * methods, else 404 ROUTE_NOT_FOUND. The SPA never answers for /api, so scripts get the envelope.
 */
export function apiNotFound(): RequestHandler {
  return (req, res) => {
    const allowed = allowedMethods(req.path.startsWith("/api") ? req.path : `/api${req.path}`);
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      res.setHeader(
        "Allow",
        [...new Set([...allowed, ...(allowed.includes("GET") ? ["HEAD"] : [])])].join(", "),
      );
      return sendFailure(res, {
        code: "METHOD_NOT_ALLOWED",
        message: `This route does not take ${req.method}; it takes ${allowed.join(", ")}.`,
      });
    }
    sendFailure(res, { code: "ROUTE_NOT_FOUND", message: "There is no such API route." });
  };
}

const BODY_FAILURES: Readonly<Record<string, CodedFailure>> = {
  "entity.parse.failed": { code: "BAD_JSON", message: "The request body is not valid JSON." },
  "entity.too.large": { code: "BODY_TOO_LARGE", message: "The request body is too large." },
  "encoding.unsupported": {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "The request body's content encoding is not supported.",
  },
  "charset.unsupported": {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Send the request body as UTF-8 JSON.",
  },
};

function bodyErrorType(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("type" in error)) return undefined;
  return typeof error.type === "string" ? error.type : undefined;
}

function isClientBodyError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("status" in error) || !("expose" in error))
    return false;
  return (
    error.expose === true && typeof error.status === "number" && error.status >= 400 && error.status < 500
  );
}

/**
 * The last middleware: coded errors (CodedError, body-parser's) become their envelope; anything
 * else is logged with its cause and answered as INTERNAL with a fixed sentence, never the error's
 * message or stack.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof CodedError) {
      logger.warn(
        { requestId: res.locals.requestId, code: error.failure.code, err: error.cause },
        "request failed",
      );
      return sendFailure(res, error.failure);
    }
    const known = BODY_FAILURES[bodyErrorType(error) ?? ""];
    if (known) return sendFailure(res, known);
    // Any other client error of the body reader (a gzip/deflate/br body that does not decode, an
    // aborted upload): http-errors marks them `expose` with a 4xx status.
    if (isClientBodyError(error)) {
      return sendFailure(res, {
        code: "BAD_JSON",
        message: "The request body could not be read; send plain (or correctly encoded) JSON.",
      });
    }
    // The router could not percent-decode a path parameter (`/api/cas/%a`); its message quotes
    // the raw value, so neither it nor the error goes anywhere.
    if (error instanceof URIError) {
      return sendFailure(res, {
        code: "INVALID_ID",
        message: "A path parameter of this address is not valid percent-encoding.",
      });
    }
    logger.error(
      { requestId: res.locals.requestId, err: error, method: req.method, path: req.path },
      "unhandled error",
    );
    sendFailure(res, {
      code: "INTERNAL",
      message:
        "Something went wrong on the console's side; the request id in X-Request-Id finds it in the logs.",
    });
  };
}

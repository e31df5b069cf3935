import {
  CREATE_CERTIFICATE_BY_CSR_CODES,
  type FieldCodes,
  failureFromZod,
  type RouteContract,
} from "@pca/contracts";
import type { RequestHandler } from "express";
import type { z } from "zod";
import { sendFailure } from "./error-status";

/** Field-code tables per route (`"METHOD path"`), for routes whose failures have their own codes. */
const BODY_CODES: Readonly<Record<string, FieldCodes>> = {
  "POST /api/certificates": CREATE_CERTIFICATE_BY_CSR_CODES,
};
/** Path parameters are ids: a malformed one is INVALID_ID on every route. */
const PARAM_CODES: FieldCodes = { "": "INVALID_ID" };

function check(schema: z.ZodType | undefined, value: unknown, codes: FieldCodes) {
  if (!schema) return { ok: true as const, value: undefined };
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, failure: failureFromZod(parsed.error, codes) };
}

/**
 * Parses `req.params`, `req.query` and `req.body` with the route contract's schemas (params, then
 * query, then body) and puts the results in `res.locals.input`; read them typed with `inputOf`.
 * The first failing part is answered with the envelope and its field code (VALIDATION_FAILED by
 * default, INVALID_ID for path ids, CREATE_CERTIFICATE_BY_CSR_CODES for POST /api/certificates).
 * Input values are never echoed. Parts without a schema are ignored and read as `undefined`.
 */
export function validate(route: RouteContract, bodyCodes?: FieldCodes): RequestHandler {
  const codes = bodyCodes ?? BODY_CODES[`${route.method} ${route.path}`] ?? {};
  return (req, res, next) => {
    const params = check(route.params, { ...req.params }, PARAM_CODES);
    if (!params.ok) return sendFailure(res, params.failure);
    const query = check(route.query, { ...req.query }, {});
    if (!query.ok) return sendFailure(res, query.failure);
    const body = check(route.body, req.body, codes);
    if (!body.ok) return sendFailure(res, body.failure);
    res.locals.input = { params: params.value, query: query.value, body: body.value };
    next();
  };
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The validated input of a route, typed by its contract. Only valid after `validate(route)`. */
export interface RouteInput<C extends RouteContract> {
  readonly params: Parsed<C["params"]>;
  readonly query: Parsed<C["query"]>;
  readonly body: Parsed<C["body"]>;
}

/**
 * Reads what `validate(route)` stored, typed by the route's schemas. Throws (→ INTERNAL) when
 * called on a chain that did not validate: that is a wiring bug, not bad input.
 */
export function inputOf<C extends RouteContract>(locals: { input?: unknown }, _route: C): RouteInput<C> {
  if (!locals.input) throw new Error("inputOf() called before validate().");
  return locals.input as RouteInput<C>;
}

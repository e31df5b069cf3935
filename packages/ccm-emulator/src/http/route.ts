import type { IncomingHttpHeaders } from "node:http";
import type { CcmOperationName, CcmOperations } from "@pca/contracts";
import type { z } from "zod";
import type { OperationName } from "../operations";

/** What a handler answers: JSON, or bytes with their own headers (the zip export). */
export type Reply =
  | { readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: number; readonly bytes: Buffer; readonly headers: Readonly<Record<string, string>> };

/** A request as a route sees it: already authenticated, body read, clock fixed. */
export interface RouteRequest {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: URLSearchParams;
  readonly body: Buffer;
  readonly headers: IncomingHttpHeaders;
  /** Server time for this request, ms since the epoch (fault-injected skew included). */
  readonly now: number;
}

/** One operation of the wire surface. Handlers may throw CcmError; the server renders it. */
export interface Route {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly operation: OperationName;
  /** false only for IAM's own login. */
  readonly authenticated: boolean;
  readonly handle: (req: RouteRequest) => Promise<Reply> | Reply;
}

type Spec<N extends CcmOperationName> = CcmOperations[N];
type Nothing = Record<never, never>;

/** A CCM operation's request once its entry's schemas accepted it: parsed parameters, query and body. */
export interface OperationRequest<N extends CcmOperationName> {
  readonly params: Spec<N> extends { readonly params: infer S extends z.ZodType } ? z.output<S> : Nothing;
  readonly query: Spec<N> extends { readonly query: infer S extends z.ZodType } ? z.output<S> : Nothing;
  readonly body: Spec<N> extends { readonly body: infer S extends z.ZodType } ? z.output<S> : undefined;
  readonly headers: IncomingHttpHeaders;
  /** Server time for this request, ms since the epoch (fault-injected skew included). */
  readonly now: number;
}

/** The emulator's behaviour for one CCM operation. It may throw CcmError; the server renders it. */
export type OperationHandler<N extends CcmOperationName> = (
  req: OperationRequest<N>,
) => Promise<Reply> | Reply;

/** A handler for every operation of CCM_OPERATIONS, registered by the operation's name. */
export type OperationHandlers = { readonly [N in CcmOperationName]: OperationHandler<N> };

/** A 200 JSON reply. */
export const json = (body: unknown, status = 200): Reply => ({ status, json: body });

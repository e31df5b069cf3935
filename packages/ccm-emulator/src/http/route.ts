import type { IncomingHttpHeaders } from "node:http";
import type { OperationName } from "../operations";

/** What a handler answers: JSON, or bytes with their own headers (the zip export). */
export type Reply =
  | { readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: number; readonly bytes: Buffer; readonly headers: Readonly<Record<string, string>> };

/** A request as a handler sees it: already authenticated, body read, clock fixed. */
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

/** A 200 JSON reply. */
export const json = (body: unknown, status = 200): Reply => ({ status, json: body });

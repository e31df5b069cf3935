import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type VerifyFailureCode, verifySignature } from "../sign/verify";

/** A request as the test server saw it, with the outcome of signature verification. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Uint8Array;
  /** The verification outcome: true, or the failure code (AK/SK requests only). */
  readonly signature: true | VerifyFailureCode | "unsigned";
  /** Which TCP connection carried it (to observe keep-alive). */
  readonly connection: number;
}

/** What a handler does with a request: answer, hang, or break the connection. */
export type Reply =
  | {
      readonly status: number;
      readonly json?: unknown;
      readonly raw?: string | Uint8Array;
      readonly headers?: Record<string, string>;
    }
  | "hang"
  | "reset";

export type Handler = (request: SeenRequest) => Reply;

/**
 * A small node:http server for client tests: it verifies every AK/SK signature with
 * verifySignature, records requests, and answers from a handler (per test).
 */
export async function startTestServer(keys: { ak: string; sk: string }) {
  const seen: SeenRequest[] = [];
  let handler: Handler = () => ({
    status: 404,
    json: { error_code: "PCA.10010002", error_msg: "not found" },
  });
  let connections = 0;
  const connectionIds = new WeakMap<object, number>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = new Uint8Array(Buffer.concat(chunks));
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const base = {
      method: req.method ?? "",
      path: q < 0 ? url : url.slice(0, q),
      rawQuery: q < 0 ? "" : url.slice(q + 1),
      headers: req.headers,
      body,
    };
    const verified = req.headers.authorization
      ? verifySignature(base, (ak) => (ak === keys.ak ? keys.sk : undefined))
      : undefined;
    const request: SeenRequest = {
      ...base,
      signature: verified === undefined ? "unsigned" : verified.ok ? true : verified.error.code,
      connection: connectionIds.get(req.socket) ?? -1,
    };
    seen.push(request);
    const reply = handler(request);
    if (reply === "hang") return;
    if (reply === "reset") {
      req.socket.destroy();
      return;
    }
    const payload = reply.raw ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
    res.writeHead(reply.status, {
      ...(reply.raw === undefined ? { "content-type": "application/json" } : {}),
      "x-request-id": `req-${seen.length}`,
      ...reply.headers,
    });
    res.end(payload);
  });
  server.on("connection", (socket) => {
    connectionIds.set(socket, ++connections);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Replaces the handler. */
    handle(next: Handler) {
      handler = next;
    },
    /** Answers the next replies in order, then repeats the last one. */
    replies(...list: Reply[]) {
      let i = 0;
      handler = () => list[Math.min(i++, list.length - 1)] ?? "reset";
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening (a connect is refused). */
export async function refusedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

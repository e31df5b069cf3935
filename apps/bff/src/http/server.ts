import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** PEM files for serving HTTPS directly (TLS_CERT_FILE / TLS_KEY_FILE). */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** Listens on host:port (0 for an ephemeral port), over TLS when given, and returns how to reach and stop it. */
export function listen(app: Express, port: number, host: string, tls?: TlsFiles): Promise<RunningServer> {
  const server: Server = tls
    ? createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, app)
    : createHttpServer(app);
  // Slow-loris protection: a client gets 30 s for headers and 60 s for the whole request.
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const scheme = tls ? "https" : "http";
      resolve({
        url: `${scheme}://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

import { Agent, type IncomingHttpHeaders, request } from "node:http";

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * Sends a request exactly as given (raw path and query, any headers, any body bytes) over the
 * agent's keep-alive connection, with no client-side normalisation (fetch would resolve `..`,
 * re-encode the path and refuse some headers). Loopback test servers only.
 */
export async function rawRequest(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
): Promise<RawResponse> {
  try {
    return await once(agent, base, method, path, headers, body);
  } catch (error) {
    // A kept-alive socket the server closed after its previous answer (it does so after refusing
    // an unread large body) fails the next request before it is sent; a new socket is what a
    // client does next. A second failure is real.
    if ((error as { code?: unknown }).code !== "ECONNRESET") throw error;
    return once(agent, base, method, path, headers, body);
  }
}

function once(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    // Node sends a GET or DELETE body with no length at all unless told, which the server would
    // read as the start of the next request; say the length as every real client does.
    const sized =
      body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
    const req = request({ agent, hostname, port, method, path, headers: sized }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("error", reject);
      res.once("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.once("error", reject);
    req.end(body);
  });
}

/** A keep-alive agent with one socket, so a fuzz run reuses one connection. */
export const keepAliveAgent = (): Agent => new Agent({ keepAlive: true, maxSockets: 1 });

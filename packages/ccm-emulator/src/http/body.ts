import type { IncomingMessage } from "node:http";
import { CcmError } from "../errors";

/** API Gateway's limit for AK/SK-signed bodies (reference §4.3). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** Reads the whole body; the signature covers its exact bytes, so nothing parses it first. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new CcmError("BODY_TOO_LARGE"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The body as JSON; 400 PCA.00020001 when it is not. */
export function jsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new CcmError("BAD_JSON");
  }
}

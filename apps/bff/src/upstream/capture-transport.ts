import { AsyncLocalStorage } from "node:async_hooks";
import type { Transport } from "@pca/ccm-client";

/** Headers of the last HTTP response one client call received. */
export interface ResponseFacts {
  requestId?: string;
  retryAfterSeconds?: number;
}

/**
 * ccm-client returns a success without CCM's X-Request-Id and a 429 without its Retry-After, but
 * the audit log needs the first and the 429 answer the second. This wraps the client's transport
 * and records both for the call that is running (AsyncLocalStorage keeps concurrent calls apart).
 * Remove once ccm-client carries them in its results.
 */
export function createCapture(inner: Transport): {
  transport: Transport;
  run<T>(call: () => Promise<T>): Promise<{ result: T; facts: ResponseFacts }>;
} {
  const storage = new AsyncLocalStorage<ResponseFacts>();
  const transport: Transport = async (request) => {
    const sent = await inner(request);
    const facts = storage.getStore();
    if (sent.ok && facts) {
      const requestId = sent.response.headers["x-request-id"];
      if (requestId) facts.requestId = requestId;
      const retryAfter = Number(sent.response.headers["retry-after"]);
      if (Number.isFinite(retryAfter) && retryAfter >= 0) facts.retryAfterSeconds = Math.ceil(retryAfter);
    }
    return sent;
  };
  return {
    transport,
    async run(call) {
      const facts: ResponseFacts = {};
      const result = await storage.run(facts, call);
      return { result, facts };
    },
  };
}

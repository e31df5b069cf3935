import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-client";

/** The session's cache key, here so the 401 handler below and lib/auth.ts share it. */
export const SESSION_QUERY_KEY = ["session"] as const;

const SIGNED_OUT_CODES = new Set(["UNAUTHENTICATED", "SESSION_EXPIRED", "TOKEN_REVOKED"]);

/**
 * One QueryClient with the console's defaults. GETs are retried only for failures that may pass
 * (network, 5xx, 429), never for a 4xx the user must fix. A 401 anywhere means the session ended:
 * the session query is set to "signed out" and the shell sends the user to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && SIGNED_OUT_CODES.has(error.code)) {
      client.setQueryData(SESSION_QUERY_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (!isApiError(error)) return count < 2;
          const transient = error.status === 0 || error.status === 429 || error.status >= 500;
          return transient && count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}

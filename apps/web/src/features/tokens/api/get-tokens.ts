import { ApiTokenListResponseSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/tokens` (admin): every API token, newest first; never a secret or its hash. */
export const getTokens = (signal?: AbortSignal) =>
  apiRequest({ path: "/api/tokens", schema: ApiTokenListResponseSchema, signal });

export const TOKENS_QUERY_KEY = ["tokens", "list"] as const;

export const getTokensQueryOptions = () =>
  queryOptions({ queryKey: TOKENS_QUERY_KEY, queryFn: ({ signal }) => getTokens(signal) });

/** The token list; `enabled: false` for roles that may not read it, so nothing is requested. */
export const useTokens = (options: { enabled: boolean }) =>
  useQuery({ ...getTokensQueryOptions(), enabled: options.enabled });

import { type CreateApiTokenRequest, CreateApiTokenResponseSchema } from "@pca/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type ApiError, apiRequest } from "../../../lib/api-client";
import { TOKENS_QUERY_KEY } from "./get-tokens";

/** The token as listed, and its secret. */
export type CreatedToken = z.infer<typeof CreateApiTokenResponseSchema>;

/** `POST /api/tokens` (admin): the answer holds the token's secret, the only copy there will be. */
export const createToken = (body: CreateApiTokenRequest) =>
  apiRequest({ method: "POST", path: "/api/tokens", body, schema: CreateApiTokenResponseSchema });

/**
 * Creates a token and refreshes the list (which never holds a secret). The secret is handed to
 * `onSuccess` and kept nowhere else: the finished mutation is dropped from the cache at once, so
 * it cannot be read back from there after the secret's dialog is closed.
 */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation<CreatedToken, ApiError, CreateApiTokenRequest>({
    mutationFn: createToken,
    gcTime: 0,
    onSuccess: () => void client.invalidateQueries({ queryKey: TOKENS_QUERY_KEY }),
  });
}

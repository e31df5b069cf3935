import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type ApiError, apiRequest } from "../../../lib/api-client";
import { TOKENS_QUERY_KEY } from "./get-tokens";

/** `DELETE /api/tokens/:tokenId` (admin): 204, and the token answers 401 TOKEN_REVOKED from then on. */
export const revokeToken = (tokenId: string) =>
  apiRequest({ method: "DELETE", path: `/api/tokens/${encodeURIComponent(tokenId)}`, schema: z.unknown() });

/** Revokes a token, then refreshes the list. Fails with TOKEN_NOT_FOUND. */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: revokeToken,
    onSuccess: () => void client.invalidateQueries({ queryKey: TOKENS_QUERY_KEY }),
  });
}

import {
  type CreateCertificateByCsrRequest,
  IDEMPOTENCY_HEADER,
  type IssueCertificateResponse,
  IssueCertificateResponseSchema,
} from "@pca/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApiError, apiRequest } from "../../../lib/api-client";

export interface IssueCertificateInput {
  readonly body: CreateCertificateByCsrRequest;
  readonly idempotencyKey: string;
}

/** `POST /api/certificates` with the attempt's Idempotency-Key; the BFF never retries it upstream. */
export const issueCertificate = ({ body, idempotencyKey }: IssueCertificateInput) =>
  apiRequest({
    method: "POST",
    path: "/api/certificates",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
    schema: IssueCertificateResponseSchema,
  });

/** Issues, then drops cached certificate lists so the new one shows up. */
export function useIssueCertificate(
  options: { onSuccess?: (result: IssueCertificateResponse) => void } = {},
) {
  const client = useQueryClient();
  return useMutation<IssueCertificateResponse, ApiError, IssueCertificateInput>({
    mutationFn: issueCertificate,
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ["certificates", "list"] });
      options.onSuccess?.(result);
    },
  });
}

/**
 * Whether a failed attempt may be sent again with the same key. Only when no answer was stored:
 * the request never reached the server, or the first one is still in flight (409). Any other
 * answer is what the BFF recorded for that key, so a new attempt needs a new key.
 */
export function keepsIdempotencyKey(error: ApiError): boolean {
  return error.code === "NETWORK_ERROR" || error.code === "IDEMPOTENCY_KEY_IN_USE";
}

/** A fresh key for a new attempt (random, well within the contract's 8-128 characters). */
export const newIdempotencyKey = (): string => `web-${crypto.randomUUID()}`;

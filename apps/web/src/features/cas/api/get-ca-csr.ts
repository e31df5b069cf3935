import { CaCsrResponseSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/cas/:caId/csr`: a PENDING CA's CSR as PEM, its preview, lint and download name. */
export const getCaCsr = (caId: string, signal?: AbortSignal) =>
  apiRequest({ path: `/api/cas/${encodeURIComponent(caId)}/csr`, schema: CaCsrResponseSchema, signal });

export const getCaCsrQueryOptions = (caId: string) =>
  queryOptions({
    queryKey: ["cas", "csr", caId],
    queryFn: ({ signal }) => getCaCsr(caId, signal),
    staleTime: 5 * 60_000,
  });

export const useCaCsr = (caId: string, enabled = true) =>
  useQuery({ ...getCaCsrQueryOptions(caId), enabled });

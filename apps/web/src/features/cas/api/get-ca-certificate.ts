import { CaCertificateResponseSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/cas/:caId/certificate`: an ACTIVED or EXPIRED CA's certificate, chain, decoded view. */
export const getCaCertificate = (caId: string, signal?: AbortSignal) =>
  apiRequest({
    path: `/api/cas/${encodeURIComponent(caId)}/certificate`,
    schema: CaCertificateResponseSchema,
    signal,
  });

export const getCaCertificateQueryOptions = (caId: string) =>
  queryOptions({
    queryKey: ["cas", "certificate", caId],
    queryFn: ({ signal }) => getCaCertificate(caId, signal),
    staleTime: 5 * 60_000,
  });

export const useCaCertificate = (caId: string, enabled = true) =>
  useQuery({ ...getCaCertificateQueryOptions(caId), enabled });

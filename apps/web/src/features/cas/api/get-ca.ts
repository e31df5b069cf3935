import { CertificateAuthoritySchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/cas/:caId`: every field ShowCertificateAuthority returns. */
export const getCa = (caId: string, signal?: AbortSignal) =>
  apiRequest({ path: `/api/cas/${encodeURIComponent(caId)}`, schema: CertificateAuthoritySchema, signal });

export const getCaQueryOptions = (caId: string) =>
  queryOptions({ queryKey: ["cas", "detail", caId], queryFn: ({ signal }) => getCa(caId, signal) });

export const useCa = (caId: string) => useQuery(getCaQueryOptions(caId));

import { type CaListQuery, CaListResponseSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/cas`: CCM's ListCertificateAuthority with its filters, sort and paging. */
export const getCas = (query: CaListQuery, signal?: AbortSignal) =>
  apiRequest({ path: "/api/cas", query, schema: CaListResponseSchema, signal });

export const getCasQueryOptions = (query: CaListQuery) =>
  queryOptions({
    queryKey: ["cas", "list", query],
    queryFn: ({ signal }) => getCas(query, signal),
    placeholderData: (previous) => previous,
  });

export const useCas = (query: CaListQuery) => useQuery(getCasQueryOptions(query));

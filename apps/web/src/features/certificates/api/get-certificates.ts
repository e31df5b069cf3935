import { CertificateListApiResponseSchema, type CertificateListQuery } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/certificates`: server-side paging, search by common name (`name`), status, sort. */
export const getCertificates = (query: CertificateListQuery, signal?: AbortSignal) =>
  apiRequest({ path: "/api/certificates", query, schema: CertificateListApiResponseSchema, signal });

export const getCertificatesQueryOptions = (query: CertificateListQuery) =>
  queryOptions({
    queryKey: ["certificates", "list", query],
    queryFn: ({ signal }) => getCertificates(query, signal),
    placeholderData: (previous) => previous,
  });

export const useCertificates = (query: CertificateListQuery) => useQuery(getCertificatesQueryOptions(query));

import { CertificateDetailResponseSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/certificates/:id`: CCM's record, the PEMs and the decoded certificate. */
export const getCertificate = (id: string, signal?: AbortSignal) =>
  apiRequest({
    path: `/api/certificates/${encodeURIComponent(id)}`,
    schema: CertificateDetailResponseSchema,
    signal,
  });

export const getCertificateQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["certificates", "detail", id],
    queryFn: ({ signal }) => getCertificate(id, signal),
  });

export const useCertificate = (id: string) => useQuery(getCertificateQueryOptions(id));

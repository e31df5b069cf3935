import { AuditChainStatusSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/audit/verify`: the server recomputes the hash chain and names the first broken link. */
export const verifyAudit = (signal?: AbortSignal) =>
  apiRequest({ path: "/api/audit/verify", schema: AuditChainStatusSchema, signal });

export const verifyAuditQueryOptions = () =>
  queryOptions({ queryKey: ["audit", "verify"], queryFn: ({ signal }) => verifyAudit(signal), staleTime: 0 });

export const useAuditVerification = () => useQuery(verifyAuditQueryOptions());

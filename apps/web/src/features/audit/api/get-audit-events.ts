import { AuditListResponseSchema, type AuditQuery } from "@pca/contracts";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/audit` (admin): the hash-chained events, filtered and paged on the server. */
export const getAuditEvents = (query: AuditQuery, signal?: AbortSignal) =>
  apiRequest({ path: "/api/audit", query, schema: AuditListResponseSchema, signal });

export const getAuditEventsQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ["audit", "list", query],
    queryFn: ({ signal }) => getAuditEvents(query, signal),
    placeholderData: (previous) => previous,
  });

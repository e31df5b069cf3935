import { type AuditQuery, AuditQuerySchema } from "@pca/contracts";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { LoaderFunctionArgs } from "react-router";
import { PageHeader } from "../../components/ui/page-header";
import { Pager } from "../../components/ui/pager";
import { EmptyState, QueryRegion } from "../../components/ui/states";
import { downloads } from "../../config/paths";
import { getAuditEventsQueryOptions } from "../../features/audit/api/get-audit-events";
import { AuditFilters } from "../../features/audit/components/audit-filters";
import { AuditTable } from "../../features/audit/components/audit-table";
import { ChainStatus } from "../../features/audit/components/chain-status";
import { toQueryString } from "../../lib/api-client";
import { useCan } from "../../lib/authorization";
import { readQuery, useUrlQuery } from "../../lib/url-state";

const DEFAULT_LIMIT = 50;

const withDefaults = (query: AuditQuery): AuditQuery => ({ ...query, limit: query.limit ?? DEFAULT_LIMIT });

export const clientLoader =
  (client: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    const query = withDefaults(readQuery(new URL(request.url).searchParams, AuditQuerySchema));
    void client.prefetchQuery(getAuditEventsQueryOptions(query));
    return null;
  };

/** /audit (admin): filters in the URL, the chain's status, CSV and JSON export of the same filters. */
export function Component() {
  const { t } = useTranslation();
  const canRead = useCan("audit:read");
  const [urlQuery, update] = useUrlQuery(AuditQuerySchema);
  const query = withDefaults(urlQuery);
  const events = useQuery({ ...getAuditEventsQueryOptions(query), enabled: canRead });
  if (!canRead) {
    return (
      <>
        <PageHeader title={t("audit.title")} />
        <EmptyState title={t("audit.notAllowed")} />
      </>
    );
  }
  const { limit: _limit, offset: _offset, ...filters } = urlQuery;
  const exportQuery = toQueryString(filters);
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        subtitle={<ChainStatus />}
        actions={
          <>
            <a className="btn btn-secondary" href={downloads.auditCsv(exportQuery)} download="audit.csv">
              {t("audit.exportCsv")}
            </a>
            <a className="btn btn-secondary" href={downloads.auditJson(exportQuery)} download="audit.json">
              {t("audit.exportJson")}
            </a>
          </>
        }
      />
      <AuditFilters query={urlQuery} onChange={update} />
      <QueryRegion
        query={events}
        isEmpty={(data) => data.events.length === 0}
        empty={{ title: t("audit.empty") }}
      >
        {(data) => (
          <>
            <AuditTable events={data.events} />
            <Pager
              total={data.total}
              offset={query.offset ?? 0}
              limit={query.limit ?? DEFAULT_LIMIT}
              onChange={({ offset, limit }) => update({ offset: offset || undefined, limit })}
            />
          </>
        )}
      </QueryRegion>
    </>
  );
}

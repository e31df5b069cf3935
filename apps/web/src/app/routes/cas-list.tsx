import { type CaListQuery, CaListQuerySchema } from "@pca/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { LoaderFunctionArgs } from "react-router";
import { PageHeader } from "../../components/ui/page-header";
import { Pager } from "../../components/ui/pager";
import { QueryRegion } from "../../components/ui/states";
import { getCasQueryOptions, useCas } from "../../features/cas/api/get-cas";
import { CaFilters } from "../../features/cas/components/ca-filters";
import { CaTable } from "../../features/cas/components/ca-table";
import { readQuery, useUrlQuery } from "../../lib/url-state";
import { useNow } from "../../lib/use-now";

const DEFAULT_LIMIT = 20;

/** The URL's query with the page size made explicit, so the cache key and the request agree. */
const withDefaults = (query: CaListQuery): CaListQuery => ({ ...query, limit: query.limit ?? DEFAULT_LIMIT });

/** Starts the list request while the page's chunk is still arriving. */
export const clientLoader =
  (client: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    const query = withDefaults(readQuery(new URL(request.url).searchParams, CaListQuerySchema));
    void client.prefetchQuery(getCasQueryOptions(query));
    return null;
  };

/** /cas: name search, status and type filters, sort and paging, all in the URL. */
export function Component() {
  const { t } = useTranslation();
  const now = useNow();
  const [urlQuery, update] = useUrlQuery(CaListQuerySchema);
  const query = withDefaults(urlQuery);
  const cas = useCas(query);
  const filtered =
    urlQuery.name !== undefined || urlQuery.status !== undefined || urlQuery.type !== undefined;
  return (
    <>
      <PageHeader title={t("cas.title")} subtitle={t("cas.subtitle")} />
      <CaFilters query={query} onChange={(patch) => update({ ...patch, offset: undefined })} />
      <QueryRegion
        query={cas}
        isEmpty={(data) => data.certificate_authorities.length === 0}
        empty={{
          title: filtered ? t("cas.emptyFiltered") : t("cas.empty"),
          hint: filtered ? t("common.clearFilters") : undefined,
        }}
      >
        {(data) => (
          <>
            <CaTable
              cas={data.certificate_authorities}
              query={query}
              now={now}
              onSort={(sort_key, sort_dir) => update({ sort_key, sort_dir, offset: undefined })}
            />
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

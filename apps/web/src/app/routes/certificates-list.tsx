import { CERTIFICATE_STATUSES, type CertificateListQuery, CertificateListQuerySchema } from "@pca/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { LoaderFunctionArgs } from "react-router";
import { NameSearch } from "../../components/ui/name-search";
import { PageHeader } from "../../components/ui/page-header";
import { Pager } from "../../components/ui/pager";
import { SelectField } from "../../components/ui/select-field";
import { QueryRegion } from "../../components/ui/states";
import {
  getCertificatesQueryOptions,
  useCertificates,
} from "../../features/certificates/api/get-certificates";
import { CertificateTable } from "../../features/certificates/components/certificate-table";
import { readQuery, useUrlQuery } from "../../lib/url-state";
import { useNow } from "../../lib/use-now";

const DEFAULT_LIMIT = 20;
const ALL = "all";

const withDefaults = (query: CertificateListQuery): CertificateListQuery => ({
  ...query,
  limit: query.limit ?? DEFAULT_LIMIT,
});

export const clientLoader =
  (client: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    const query = withDefaults(readQuery(new URL(request.url).searchParams, CertificateListQuerySchema));
    void client.prefetchQuery(getCertificatesQueryOptions(query));
    return null;
  };

/** /certificates: server-side paging, search by common name, status filter, sort; all in the URL. */
export function Component() {
  const { t } = useTranslation();
  const now = useNow();
  const [urlQuery, update] = useUrlQuery(CertificateListQuerySchema);
  const query = withDefaults(urlQuery);
  const list = useCertificates(query);
  const filtered = urlQuery.name !== undefined || urlQuery.status !== undefined;
  return (
    <>
      <PageHeader title={t("certificates.title")} subtitle={t("certificates.subtitle")} />
      <div className="filters">
        <NameSearch
          label={t("certificates.search")}
          placeholder={t("certificates.searchPlaceholder")}
          value={urlQuery.name ?? ""}
          onChange={(name) => update({ name, offset: undefined })}
        />
        <SelectField
          label={t("certificates.col.status")}
          selectedKey={urlQuery.status ?? ALL}
          onChange={(key) => update({ status: key === ALL ? undefined : key, offset: undefined })}
          items={[
            { id: ALL, label: t("common.all") },
            ...CERTIFICATE_STATUSES.map((s) => ({ id: s, label: t(`certificateStatus.${s}`) })),
          ]}
        />
      </div>
      <QueryRegion
        query={list}
        isEmpty={(data) => data.certificates.length === 0}
        empty={{
          title: filtered ? t("certificates.emptyFiltered") : t("certificates.empty"),
          hint: filtered ? t("common.clearFilters") : undefined,
        }}
      >
        {(data) => (
          <>
            <CertificateTable
              certificates={data.certificates}
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

import { CcmIdSchema } from "@pca/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs, useParams, useSearchParams } from "react-router";
import { IssuedBanner } from "../../components/ui/issued-banner";
import { PageHeader } from "../../components/ui/page-header";
import { EmptyState, ErrorPanel, Loading } from "../../components/ui/states";
import { CaStatusBadge } from "../../components/ui/status-badge";
import { paths } from "../../config/paths";
import { getCaQueryOptions, useCa } from "../../features/cas/api/get-ca";
import { CaCertificate } from "../../features/cas/components/ca-certificate";
import { CaFields } from "../../features/cas/components/ca-fields";
import { CsrExport } from "../../features/cas/components/csr-export";

export const clientLoader =
  (client: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const id = CcmIdSchema.safeParse(params.caId);
    if (id.success) void client.prefetchQuery(getCaQueryOptions(id.data));
    return null;
  };

function CaDetail(props: { caId: string }) {
  const { t } = useTranslation();
  const ca = useCa(props.caId);
  const [params] = useSearchParams();
  if (ca.isPending) return <Loading />;
  if (ca.isError) {
    return (
      <>
        <PageHeader title={t("cas.detailTitle")} />
        <ErrorPanel error={ca.error} onRetry={() => void ca.refetch()} />
      </>
    );
  }
  const name = ca.data.distinguished_name?.common_name ?? ca.data.ca_id;
  const status = ca.data.status;
  return (
    <>
      <nav aria-label={t("shell.breadcrumb")} className="breadcrumb">
        <Link to={paths.cas.getHref()}>{t("nav.cas")}</Link> / <span aria-current="page">{name}</span>
      </nav>
      {params.get("issued") === "1" ? <IssuedBanner kind="INTERMEDIATE_CA" /> : null}
      <PageHeader title={name} subtitle={<CaStatusBadge status={status} />} />
      <div className="detail-grid">
        <section className="panel" aria-labelledby="ca-fields-h">
          <h2 id="ca-fields-h">{t("cas.fieldsTitle")}</h2>
          <CaFields ca={ca.data} />
        </section>
        {status === "PENDING" ? (
          <section className="panel" aria-labelledby="ca-csr-h">
            <h2 id="ca-csr-h">{t("cas.csr.title")}</h2>
            <CsrExport caId={props.caId} />
          </section>
        ) : status === "ACTIVED" || status === "EXPIRED" ? (
          <section className="panel" aria-labelledby="ca-cert-h">
            <h2 id="ca-cert-h">{t("cas.certificate.title")}</h2>
            <CaCertificate caId={props.caId} name={name} />
          </section>
        ) : null}
      </div>
    </>
  );
}

/** /cas/:caId: every CCM field; a PENDING CA's CSR export, an ACTIVED CA's certificate. */
export function Component() {
  const { t } = useTranslation();
  const id = CcmIdSchema.safeParse(useParams().caId);
  if (!id.success)
    return (
      <EmptyState title={t("cas.invalidId")} hint={<Link to={paths.cas.getHref()}>{t("nav.cas")}</Link>} />
    );
  return <CaDetail caId={id.data} />;
}

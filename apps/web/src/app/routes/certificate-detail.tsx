import { CcmIdSchema } from "@pca/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs, useParams, useSearchParams } from "react-router";
import { CertificatePreviewView } from "../../components/pki/certificate-preview-view";
import { IssuedBanner } from "../../components/ui/issued-banner";
import { PageHeader } from "../../components/ui/page-header";
import { PemBlock } from "../../components/ui/pem-block";
import { EmptyState, ErrorPanel, Loading } from "../../components/ui/states";
import { CertificateStatusBadge } from "../../components/ui/status-badge";
import { paths } from "../../config/paths";
import { getCertificateQueryOptions, useCertificate } from "../../features/certificates/api/get-certificate";
import { CertificateDownloads } from "../../features/certificates/components/certificate-downloads";
import { CertificateFields } from "../../features/certificates/components/certificate-fields";

export const clientLoader =
  (client: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const id = CcmIdSchema.safeParse(params.id);
    if (id.success) void client.prefetchQuery(getCertificateQueryOptions(id.data));
    return null;
  };

function CertificateDetail(props: { id: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const cert = useCertificate(props.id);
  if (cert.isPending) return <Loading />;
  if (cert.isError) {
    return (
      <>
        <PageHeader title={t("certificates.detailTitle")} />
        <ErrorPanel error={cert.error} onRetry={() => void cert.refetch()} />
      </>
    );
  }
  const { certificate, pem, preview } = cert.data;
  const name = certificate.distinguished_name?.common_name ?? certificate.certificate_id;
  const issuerLink = certificate.issuer_id ? (
    <Link to={paths.ca.getHref(certificate.issuer_id)}>
      {certificate.issuer_name ?? certificate.issuer_id}
    </Link>
  ) : (
    (certificate.issuer_name ?? "—")
  );
  return (
    <>
      <nav aria-label={t("shell.breadcrumb")} className="breadcrumb">
        <Link to={paths.certificates.getHref()}>{t("nav.certificates")}</Link> /{" "}
        <span aria-current="page">{name}</span>
      </nav>
      {params.get("issued") === "1" ? <IssuedBanner kind="ENTITY_CERT" /> : null}
      <PageHeader
        title={name}
        subtitle={<CertificateStatusBadge status={certificate.status} />}
        actions={<CertificateDownloads id={certificate.certificate_id} name={name} pem={pem.certificate} />}
      />
      <div className="detail-grid">
        <section className="panel" aria-labelledby="cert-decoded-h">
          <h2 id="cert-decoded-h">{t("certificates.decodedTitle")}</h2>
          <CertificatePreviewView preview={preview} />
        </section>
        <section className="panel" aria-labelledby="cert-record-h">
          <h2 id="cert-record-h">{t("certificates.recordTitle")}</h2>
          <CertificateFields certificate={certificate} issuerLink={issuerLink} />
          <PemBlock pem={pem.certificate} label={t("certificates.pem")} />
        </section>
      </div>
    </>
  );
}

/** /certificates/:id: decoded certificate, CCM's record, downloads; also the page after issuing. */
export function Component() {
  const { t } = useTranslation();
  const id = CcmIdSchema.safeParse(useParams().id);
  if (!id.success) {
    return (
      <EmptyState
        title={t("certificates.invalidId")}
        hint={<Link to={paths.certificates.getHref()}>{t("nav.certificates")}</Link>}
      />
    );
  }
  return <CertificateDetail id={id.data} />;
}

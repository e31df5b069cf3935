import { useTranslation } from "react-i18next";
import { CertificatePreviewView } from "../../../components/pki/certificate-preview-view";
import { CopyButton } from "../../../components/ui/copy-button";
import { ErrorPanel, Loading } from "../../../components/ui/states";
import { downloads } from "../../../config/paths";
import { useObjectUrl } from "../../../lib/object-url";
import { useCaCertificate } from "../api/get-ca-certificate";

/** An ACTIVED or EXPIRED CA's certificate, decoded, with certificate-only and full-chain downloads. */
export function CaCertificate(props: { caId: string; name: string }) {
  const { t } = useTranslation();
  const cert = useCaCertificate(props.caId);
  const certificateUrl = useObjectUrl(cert.data?.certificate, "application/x-pem-file");
  if (cert.isPending) return <Loading label={t("cas.certificate.loading")} />;
  if (cert.isError) return <ErrorPanel error={cert.error} onRetry={() => void cert.refetch()} />;
  const safeName = props.name.replace(/[^A-Za-z0-9._-]+/g, "_");
  return (
    <div className="stack">
      <div className="toolbar">
        <a
          className="btn btn-primary"
          href={downloads.caCertificate(props.caId)}
          download={`${safeName}.chain.pem`}
        >
          {t("cas.certificate.downloadChain")}
        </a>
        {certificateUrl ? (
          <a className="btn btn-secondary" href={certificateUrl} download={`${safeName}.pem`}>
            {t("cas.certificate.downloadCertificate")}
          </a>
        ) : null}
        <CopyButton value={cert.data.certificate} label={t("cas.certificate.pem")} />
      </div>
      <CertificatePreviewView preview={cert.data.preview} />
    </div>
  );
}

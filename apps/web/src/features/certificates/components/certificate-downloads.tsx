import { useTranslation } from "react-i18next";
import { CopyButton } from "../../../components/ui/copy-button";
import { downloads } from "../../../config/paths";

/** PEM and PEM-with-chain downloads, and the PEM to copy. */
export function CertificateDownloads(props: { id: string; name: string; pem: string }) {
  const { t } = useTranslation();
  const safeName = props.name.replace(/[^A-Za-z0-9._-]+/g, "_") || props.id;
  return (
    <div className="toolbar">
      <a className="btn btn-primary" href={downloads.certificate(props.id)} download={`${safeName}.pem`}>
        {t("certificates.downloadPem")}
      </a>
      <a
        className="btn btn-secondary"
        href={downloads.certificateChain(props.id)}
        download={`${safeName}.chain.pem`}
      >
        {t("certificates.downloadChain")}
      </a>
      <CopyButton value={props.pem} label={t("certificates.pem")} />
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CsrPreviewView } from "../../../components/pki/csr-preview-view";
import { CopyButton } from "../../../components/ui/copy-button";
import { PemBlock } from "../../../components/ui/pem-block";
import { ErrorPanel, Loading } from "../../../components/ui/states";
import { downloads, paths } from "../../../config/paths";
import { useCan } from "../../../lib/authorization";
import { useCaCsr } from "../api/get-ca-csr";

/**
 * A PENDING CA's CSR: decoded preview, the PEM to copy, the `<name>.csr.pem` download, and the
 * way into the issue form to have another CA sign it as an intermediate.
 */
export function CsrExport(props: { caId: string }) {
  const { t } = useTranslation();
  const csr = useCaCsr(props.caId);
  const canIssue = useCan("certificate:issue");
  if (csr.isPending) return <Loading label={t("cas.csr.loading")} />;
  if (csr.isError) return <ErrorPanel error={csr.error} onRetry={() => void csr.refetch()} />;
  const { pem, fileName, preview, lint } = csr.data;
  return (
    <div className="stack">
      <div className="toolbar">
        <a className="btn btn-primary" href={downloads.caCsr(props.caId)} download={fileName}>
          {t("cas.csr.download", { fileName })}
        </a>
        <CopyButton value={pem} label={t("cas.csr.pem")} />
        {canIssue ? (
          <Link
            className="btn btn-secondary"
            to={paths.issue.getHref({ fromCa: props.caId, type: "INTERMEDIATE_CA" })}
          >
            {t("cas.csr.signWithAnother")}
          </Link>
        ) : null}
      </div>
      <PemBlock pem={pem} label={t("cas.csr.pem")} />
      <CsrPreviewView preview={preview} lint={lint} />
    </div>
  );
}

import { IssueCertificateResponseSchema, type IssuedCertificateType } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/** The note after issuing, with the upstream request id when the issue page passed its answer on. */
export function IssuedBanner(props: { kind: IssuedCertificateType }) {
  const { t } = useTranslation();
  const state = IssueCertificateResponseSchema.safeParse(useLocation().state);
  return (
    <div className="alert alert-success" role="status">
      <p className="alert-title">
        {t(props.kind === "INTERMEDIATE_CA" ? "certificates.issuedCa" : "certificates.issued")}
      </p>
      {state.success && state.data.upstream_request_id ? (
        <p className="small">
          {t("certificates.upstreamRequestId")}: <code>{state.data.upstream_request_id}</code>
        </p>
      ) : null}
    </div>
  );
}

import type { CertificateAuthority } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  FieldList,
  type FieldRow,
  issuanceRows,
  show,
  subjectRows,
} from "../../../components/ccm/record-fields";
import { CaStatusBadge } from "../../../components/ui/status-badge";
import { paths } from "../../../config/paths";

/** Every field ShowCertificateAuthority returns, labelled, with CCM's raw field name beside it. */
export function CaFields(props: { ca: CertificateAuthority }) {
  const { t } = useTranslation();
  const { ca } = props;
  const crl = ca.crl_configuration;
  const rows: FieldRow[] = [
    ["ca_id", t("caField.ca_id"), <code key="id">{ca.ca_id}</code>],
    ["status", t("caField.status"), <CaStatusBadge key="s" status={ca.status} />],
    ["type", t("caField.type"), `${t(`caType.${ca.type}`)} (${ca.type})`],
    ["path_length", t("caField.path_length"), show(ca.path_length)],
    [
      "issuer_id",
      t("caField.issuer"),
      ca.issuer_id ? (
        <Link key="i" to={paths.ca.getHref(ca.issuer_id)}>
          {ca.issuer_name ?? ca.issuer_id}
        </Link>
      ) : (
        show(ca.issuer_name)
      ),
    ],
    ...subjectRows(ca, t),
    ...issuanceRows(ca, t),
    [
      "crl_configuration.enabled",
      t("caField.crl_enabled"),
      crl ? t(crl.enabled ? "common.yes" : "common.no") : show(null),
    ],
    ["crl_configuration.crl_name", t("caField.crl_name"), show(crl?.crl_name)],
    ["crl_configuration.obs_bucket_name", t("caField.obs_bucket_name"), show(crl?.obs_bucket_name)],
    ["crl_configuration.valid_days", t("caField.valid_days"), show(crl?.valid_days)],
    ["crl_configuration.crl_dis_point", t("caField.crl_dis_point"), show(crl?.crl_dis_point)],
    ["enterprise_project_id", t("caField.enterprise_project_id"), show(ca.enterprise_project_id)],
    ["free_quota", t("caField.free_quota"), show(ca.free_quota)],
    ["charging_mode", t("caField.charging_mode"), show(ca.charging_mode)],
    ["cluster_id", t("caField.cluster_id"), show(ca.cluster_id)],
    ["domain_id", t("caField.domain_id"), show(ca.domain_id)],
  ];
  return <FieldList rows={rows} />;
}

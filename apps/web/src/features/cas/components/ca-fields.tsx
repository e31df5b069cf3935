import type { CertificateAuthority } from "@pca/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ColonHex } from "../../../components/pki/colon-hex";
import { DateTime } from "../../../components/ui/date-time";
import { CaStatusBadge } from "../../../components/ui/status-badge";
import { paths } from "../../../config/paths";

const show = (value: string | number | null | undefined): ReactNode =>
  value === null || value === undefined || value === "" ? <span className="muted">—</span> : value;

/** Every field ShowCertificateAuthority returns, labelled, with CCM's raw field name beside it. */
export function CaFields(props: { ca: CertificateAuthority }) {
  const { t } = useTranslation();
  const { ca } = props;
  const dn = ca.distinguished_name;
  const crl = ca.crl_configuration;
  const rows: [string, string, ReactNode][] = [
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
    ["distinguished_name.common_name", t("caField.common_name"), show(dn?.common_name)],
    ["distinguished_name.organization", t("caField.organization"), show(dn?.organization)],
    [
      "distinguished_name.organizational_unit",
      t("caField.organizational_unit"),
      show(dn?.organizational_unit),
    ],
    ["distinguished_name.locality", t("caField.locality"), show(dn?.locality)],
    ["distinguished_name.state", t("caField.state"), show(dn?.state)],
    ["distinguished_name.country", t("caField.country"), show(dn?.country)],
    ["key_algorithm", t("caField.key_algorithm"), show(ca.key_algorithm)],
    ["signature_algorithm", t("caField.signature_algorithm"), show(ca.signature_algorithm)],
    [
      "serial_number",
      t("caField.serial_number"),
      ca.serial_number ? (
        <code key="sn">
          <ColonHex hex={ca.serial_number} />
        </code>
      ) : (
        show(null)
      ),
    ],
    ["not_before", t("caField.not_before"), <DateTime key="nb" ms={ca.not_before} />],
    ["not_after", t("caField.not_after"), <DateTime key="na" ms={ca.not_after} />],
    ["create_time", t("caField.create_time"), <DateTime key="ct" ms={ca.create_time} />],
    ["delete_time", t("caField.delete_time"), <DateTime key="dt" ms={ca.delete_time} />],
    ["gen_mode", t("caField.gen_mode"), show(ca.gen_mode)],
    ["freeze_flag", t("caField.freeze_flag"), show(ca.freeze_flag)],
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
  return (
    <dl className="kv kv-fields">
      {rows.map(([field, label, value]) => (
        <div key={field} className="kv-row">
          <dt>
            {label}
            <span className="field-name">{field}</span>
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

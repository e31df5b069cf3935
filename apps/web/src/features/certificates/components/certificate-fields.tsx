import type { Certificate } from "@pca/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ColonHex } from "../../../components/pki/colon-hex";
import { DateTime } from "../../../components/ui/date-time";
import { CertificateStatusBadge } from "../../../components/ui/status-badge";

const show = (value: string | number | null | undefined): ReactNode =>
  value === null || value === undefined || value === "" ? <span className="muted">—</span> : value;

/** CCM's record of an issued certificate (ShowCertificate), every field, with its raw name. */
export function CertificateFields(props: { certificate: Certificate; issuerLink: ReactNode }) {
  const { t } = useTranslation();
  const c = props.certificate;
  const dn = c.distinguished_name;
  const rows: [string, string, ReactNode][] = [
    ["certificate_id", t("certField.certificate_id"), <code key="id">{c.certificate_id}</code>],
    ["status", t("certField.status"), <CertificateStatusBadge key="s" status={c.status} />],
    ["issuer_id", t("certField.issuer"), props.issuerLink],
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
    ["key_algorithm", t("caField.key_algorithm"), show(c.key_algorithm)],
    ["signature_algorithm", t("caField.signature_algorithm"), show(c.signature_algorithm)],
    [
      "serial_number",
      t("caField.serial_number"),
      c.serial_number ? (
        <code key="sn">
          <ColonHex hex={c.serial_number} />
        </code>
      ) : (
        show(null)
      ),
    ],
    ["not_before", t("caField.not_before"), <DateTime key="nb" ms={c.not_before} />],
    ["not_after", t("caField.not_after"), <DateTime key="na" ms={c.not_after} />],
    ["create_time", t("caField.create_time"), <DateTime key="ct" ms={c.create_time} />],
    ["delete_time", t("caField.delete_time"), <DateTime key="dt" ms={c.delete_time} />],
    ["gen_mode", t("caField.gen_mode"), show(c.gen_mode)],
    ["freeze_flag", t("caField.freeze_flag"), show(c.freeze_flag)],
    [
      "enc_cert_info.enc_serial_number",
      t("certField.enc_serial_number"),
      show(c.enc_cert_info?.enc_serial_number),
    ],
    ["enterprise_project_id", t("caField.enterprise_project_id"), show(c.enterprise_project_id)],
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

import type { Certificate } from "@pca/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  FieldList,
  type FieldRow,
  issuanceRows,
  show,
  subjectRows,
} from "../../../components/ccm/record-fields";
import { CertificateStatusBadge } from "../../../components/ui/status-badge";

/** CCM's record of an issued certificate (ShowCertificate), every field, with its raw name. */
export function CertificateFields(props: { certificate: Certificate; issuerLink: ReactNode }) {
  const { t } = useTranslation();
  const c = props.certificate;
  const rows: FieldRow[] = [
    ["certificate_id", t("certField.certificate_id"), <code key="id">{c.certificate_id}</code>],
    ["status", t("certField.status"), <CertificateStatusBadge key="s" status={c.status} />],
    ["issuer_id", t("certField.issuer"), props.issuerLink],
    ...subjectRows(c, t),
    ...issuanceRows(c, t),
    [
      "enc_cert_info.enc_serial_number",
      t("certField.enc_serial_number"),
      show(c.enc_cert_info?.enc_serial_number),
    ],
    ["enterprise_project_id", t("caField.enterprise_project_id"), show(c.enterprise_project_id)],
  ];
  return <FieldList rows={rows} />;
}

import type { Certificate, CertificateAuthority } from "@pca/contracts";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { ColonHex } from "../pki/colon-hex";
import { DateTime } from "../ui/date-time";

/** One labelled field: CCM's raw field name, its translated label, the value shown. */
export type FieldRow = [field: string, label: string, value: ReactNode];

/** A value as shown, or a muted dash when CCM left it out. */
export const show = (value: string | number | null | undefined): ReactNode =>
  value === null || value === undefined || value === "" ? <span className="muted">—</span> : value;

/** The fields CCM reports alike for a CA and a certificate (contracts' issuedRecordFields). */
type IssuedRecord = Pick<
  CertificateAuthority & Certificate,
  | "distinguished_name"
  | "key_algorithm"
  | "signature_algorithm"
  | "serial_number"
  | "not_before"
  | "not_after"
  | "create_time"
  | "delete_time"
  | "gen_mode"
  | "freeze_flag"
>;

/** The subject's six distinguished-name fields. */
export function subjectRows(record: IssuedRecord, t: TFunction): FieldRow[] {
  const dn = record.distinguished_name;
  return [
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
  ];
}

/** Key, signature, serial, times and generation mode. */
export function issuanceRows(record: IssuedRecord, t: TFunction): FieldRow[] {
  return [
    ["key_algorithm", t("caField.key_algorithm"), show(record.key_algorithm)],
    ["signature_algorithm", t("caField.signature_algorithm"), show(record.signature_algorithm)],
    [
      "serial_number",
      t("caField.serial_number"),
      record.serial_number ? (
        <code key="sn">
          <ColonHex hex={record.serial_number} />
        </code>
      ) : (
        show(null)
      ),
    ],
    ["not_before", t("caField.not_before"), <DateTime key="nb" ms={record.not_before} />],
    ["not_after", t("caField.not_after"), <DateTime key="na" ms={record.not_after} />],
    ["create_time", t("caField.create_time"), <DateTime key="ct" ms={record.create_time} />],
    ["delete_time", t("caField.delete_time"), <DateTime key="dt" ms={record.delete_time} />],
    ["gen_mode", t("caField.gen_mode"), show(record.gen_mode)],
    ["freeze_flag", t("caField.freeze_flag"), show(record.freeze_flag)],
  ];
}

/** The fields as a definition list, each label with CCM's raw field name beside it. */
export function FieldList(props: { rows: readonly FieldRow[] }) {
  return (
    <dl className="kv kv-fields">
      {props.rows.map(([field, label, value]) => (
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

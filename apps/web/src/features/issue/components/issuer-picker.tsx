import { allowedPathLengths, type CertificateAuthority } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/ui/select-field";
import { ErrorPanel, Loading } from "../../../components/ui/states";
import { formatLocal } from "../../../lib/format";

/** The issuing CA: every CA is listed with its name, status and expiry; only ACTIVED ones (and, for an
 * intermediate CA, only those whose path length allows it) can be chosen. */
export function IssuerPicker(props: {
  cas: readonly CertificateAuthority[] | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  value: string | null;
  onChange: (caId: string | null) => void;
  /** Issuing an intermediate CA: a CA with path length 0 cannot sign one. */
  forCa: boolean;
  errorMessage?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (props.isPending) return <Loading label={t("issue.issuer.loading")} />;
  if (props.error)
    return <ErrorPanel error={props.error} onRetry={props.onRetry} title={t("issue.issuer.loadFailed")} />;
  const cas = props.cas ?? [];
  const items = cas.map((ca) => ({
    id: ca.ca_id,
    label: ca.distinguished_name?.common_name ?? ca.ca_id,
    disabled: ca.status !== "ACTIVED" || (props.forCa && allowedPathLengths(ca.path_length).length === 0),
    description: (
      <>
        {t(`caStatus.${ca.status}`)} · {t(`caType.${ca.type}`)} ·{" "}
        {props.forCa && allowedPathLengths(ca.path_length).length === 0
          ? `${t("issue.issuer.noCaSigning")} · `
          : ""}
        {ca.not_after ? t("issue.issuer.expires", { date: formatLocal(ca.not_after, i18n.language) }) : "—"}
      </>
    ),
  }));
  const activeCount = items.filter((item) => !item.disabled).length;
  return (
    <SelectField
      label={t("issue.issuer.label")}
      items={items}
      selectedKey={props.value}
      onChange={props.onChange}
      placeholder={t("issue.issuer.placeholder")}
      description={
        activeCount === 0 ? t("issue.issuer.noneActive") : t("issue.issuer.help", { count: activeCount })
      }
      errorMessage={props.errorMessage}
      isRequired
    />
  );
}

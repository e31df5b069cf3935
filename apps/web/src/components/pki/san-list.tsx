import type { SubjectAltName } from "@pca/contracts";
import { useTranslation } from "react-i18next";

/** Subject alternative names, one per line, typed (DNS, IP, …), in the order they were encoded. */
export function SanList(props: { sans: readonly { type: string; value: string; oid?: string }[] }) {
  const { t } = useTranslation();
  if (props.sans.length === 0) return <span className="muted">{t("pki.noSans")}</span>;
  return (
    <ul className="san-list">
      {props.sans.map((san, index) => (
        // Two SANs can be equal; their position is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>
          <span className="san-type">{san.type}</span> <span className="mono wrap">{san.value}</span>
          {san.oid ? <span className="muted"> ({san.oid})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export type { SubjectAltName };

import { useTranslation } from "react-i18next";

/**
 * A PEM shown in a read-only text area: scrollable and selectable by keyboard (a focusable <pre>
 * is not a control), and the user can select all of it with one shortcut.
 */
export function PemBlock(props: { pem: string; label: string }) {
  const { t } = useTranslation();
  const lines = props.pem.split("\n").length;
  return (
    <details className="pem-block">
      <summary>{t("common.showPem")}</summary>
      <textarea
        className="textarea pem"
        readOnly
        aria-label={props.label}
        rows={Math.min(lines, 16)}
        value={props.pem}
        spellCheck={false}
      />
    </details>
  );
}

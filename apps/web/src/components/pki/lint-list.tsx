import type { LintFinding } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../lib/i18n";
import { Badge, type Tone } from "../ui/badge";

const TONES: Record<LintFinding["severity"], Tone> = { error: "bad", warning: "warn", info: "info" };
const ORDER: Record<LintFinding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** The lint findings, most severe first, each in the reader's language (pki ships both). */
export function LintList(props: { findings: readonly LintFinding[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  if (props.findings.length === 0) {
    return (
      <p className="lint-clean">
        <Badge tone="ok">{t("lint.clean")}</Badge>
      </p>
    );
  }
  const sorted = [...props.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="lint-list">
      {sorted.map((finding) => (
        <li key={finding.id} className={`lint lint-${finding.severity}`}>
          <Badge tone={TONES[finding.severity]}>{t(`lint.severity.${finding.severity}`)}</Badge>
          <span>{finding.message[language]}</span>
          <code className="muted lint-id">{finding.id}</code>
        </li>
      ))}
    </ul>
  );
}

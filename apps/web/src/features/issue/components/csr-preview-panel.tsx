import { useTranslation } from "react-i18next";
import { CsrPreviewView } from "../../../components/pki/csr-preview-view";
import { EmptyState, Loading } from "../../../components/ui/states";
import type { AnalysisState } from "../hooks/use-csr-analysis";

/** The live, local preview beside the form: empty, reading, refused (with the code), or decoded. */
export function CsrPreviewPanel(props: { state: AnalysisState }) {
  const { t } = useTranslation();
  const { state } = props;
  const analysis =
    state.status === "done" ? state.analysis : state.status === "working" ? state.previous : null;
  return (
    <section
      className="panel preview-panel"
      aria-labelledby="preview-h"
      aria-busy={state.status === "working"}
    >
      <header className="panel-header">
        <h2 id="preview-h">{t("issue.preview.title")}</h2>
        <span className="muted small">{t("issue.preview.local")}</span>
      </header>
      {state.status === "empty" ? (
        <EmptyState title={t("issue.preview.empty")} hint={t("issue.preview.emptyHint")} />
      ) : analysis === null ? (
        <Loading label={t("issue.preview.reading")} />
      ) : analysis.ok ? (
        <div aria-live="polite">
          <CsrPreviewView preview={analysis.preview} lint={analysis.lint} />
        </div>
      ) : (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t(`errors.${analysis.error.code}`)}</p>
          <p className="small">
            <code>{analysis.error.code}</code> · {analysis.error.message}
          </p>
        </div>
      )}
    </section>
  );
}

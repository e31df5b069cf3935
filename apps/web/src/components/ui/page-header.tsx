import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's one h1, its actions, and the document title screen-reader users hear first. */
export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${props.title} · ${t("app.name")}`;
  }, [props.title, t]);
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle ? <div className="muted page-subtitle">{props.subtitle}</div> : null}
      </div>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </header>
  );
}

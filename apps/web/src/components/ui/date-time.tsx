import { useTranslation } from "react-i18next";
import { formatLocal, formatUtc } from "../../lib/format";

/** An instant in local time with UTC beneath it, as every time in the console is shown. */
export function DateTime(props: { ms: number | null | undefined; inline?: boolean }) {
  const { i18n } = useTranslation();
  if (props.ms === null || props.ms === undefined) return <span className="muted">—</span>;
  const iso = new Date(props.ms).toISOString();
  return (
    <time dateTime={iso} className={props.inline ? "dt dt-inline" : "dt"}>
      <span>{formatLocal(props.ms, i18n.language)}</span>
      <span className="dt-utc">{formatUtc(props.ms)}</span>
    </time>
  );
}

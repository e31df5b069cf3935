import { useTranslation } from "react-i18next";
import { expiryState } from "../../lib/expiry";
import { formatRelative } from "../../lib/format";
import { Badge } from "./badge";

/** "expires in 12 days" (soon) or "expired 3 days ago"; nothing when the expiry is far off. */
export function ExpiryNote(props: { notAfter: number | null | undefined; now: number }) {
  const { t, i18n } = useTranslation();
  const state = expiryState(props.notAfter, props.now);
  if (state === "ok" || state === "unknown" || props.notAfter == null) return null;
  const when = formatRelative(props.notAfter, props.now, i18n.language);
  return (
    <Badge tone={state === "expired" ? "bad" : "warn"}>
      {t(state === "expired" ? "expiry.expired" : "expiry.soon", { when })}
    </Badge>
  );
}

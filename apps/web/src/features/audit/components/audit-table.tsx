import type { AuditEvent } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { Badge, type Tone } from "../../../components/ui/badge";
import { DateTime } from "../../../components/ui/date-time";

const OUTCOME_TONES: Record<AuditEvent["outcome"], Tone> = { success: "ok", failure: "bad", unknown: "warn" };

/** Audit events, newest first as the server returns them; details and hashes on demand. */
export function AuditTable(props: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("audit.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("audit.col.time")}</th>
            <th scope="col">{t("audit.col.actor")}</th>
            <th scope="col">{t("audit.col.action")}</th>
            <th scope="col">{t("audit.col.target")}</th>
            <th scope="col">{t("audit.col.outcome")}</th>
            <th scope="col">{t("audit.col.details")}</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((event) => (
            <tr key={event.seq}>
              <td className="mono">{event.seq}</td>
              <td>
                <DateTime ms={event.time} />
              </td>
              <td>
                {event.actor}
                {event.role ? <span className="muted small"> · {t(`role.${event.role}`)}</span> : null}
              </td>
              <td>
                {t(`auditAction.${event.action}`)}
                <div className="mono muted small">{event.action}</div>
              </td>
              <td className="mono small wrap">{event.target ?? "—"}</td>
              <td>
                <Badge tone={OUTCOME_TONES[event.outcome]}>{t(`auditOutcome.${event.outcome}`)}</Badge>
              </td>
              <td>
                <details>
                  <summary>{t("audit.show")}</summary>
                  <dl className="kv kv-compact small">
                    <dt>{t("audit.requestId")}</dt>
                    <dd className="mono">{event.requestId ?? "—"}</dd>
                    <dt>{t("audit.upstreamRequestId")}</dt>
                    <dd className="mono">{event.upstreamRequestId ?? "—"}</dd>
                    <dt>{t("audit.hash")}</dt>
                    <dd className="mono wrap">{event.hash}</dd>
                    <dt>{t("audit.prevHash")}</dt>
                    <dd className="mono wrap">{event.prevHash}</dd>
                  </dl>
                  <pre className="json">{JSON.stringify(event.details, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

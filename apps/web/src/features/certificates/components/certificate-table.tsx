import type { CertificateListItem, CertificateListQuery } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { ExpiryNote } from "../../../components/ui/expiry-note";
import { SortableHeader, type SortDir } from "../../../components/ui/sortable-header";
import { CertificateStatusBadge } from "../../../components/ui/status-badge";
import { paths } from "../../../config/paths";
import { expiryState } from "../../../lib/expiry";

const MAX_SANS_SHOWN = 3;

/** Issued certificates: CN, SANs, issuer, status and expiry; rows near expiry are highlighted. */
export function CertificateTable(props: {
  certificates: readonly CertificateListItem[];
  query: CertificateListQuery;
  onSort: (key: string, dir: SortDir) => void;
  now: number;
}) {
  const { t } = useTranslation();
  const sort = { sortKey: props.query.sort_key, sortDir: props.query.sort_dir, onSort: props.onSort };
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("certificates.tableCaption")}</caption>
        <thead>
          <tr>
            <SortableHeader column="common_name" {...sort}>
              {t("certificates.col.commonName")}
            </SortableHeader>
            <th scope="col">{t("certificates.col.sans")}</th>
            <SortableHeader column="issuer_name" {...sort}>
              {t("certificates.col.issuer")}
            </SortableHeader>
            <th scope="col">{t("certificates.col.status")}</th>
            <SortableHeader column="not_after" {...sort}>
              {t("certificates.col.notAfter")}
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {props.certificates.map((cert) => {
            const sans = cert.subject_alternative_names ?? [];
            const state = cert.status === "ISSUED" ? expiryState(cert.not_after, props.now) : "ok";
            return (
              <tr key={cert.certificate_id} className={state === "soon" ? "row-soon" : undefined}>
                <td>
                  <Link to={paths.certificate.getHref(cert.certificate_id)} className="strong-link">
                    {cert.distinguished_name?.common_name ?? cert.certificate_id}
                  </Link>
                  <div className="mono muted small">{cert.certificate_id}</div>
                </td>
                <td>
                  {sans.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className="mono small">
                      {sans
                        .slice(0, MAX_SANS_SHOWN)
                        .map((san) => san.value)
                        .join(", ")}
                      {sans.length > MAX_SANS_SHOWN
                        ? ` ${t("certificates.moreSans", { count: sans.length - MAX_SANS_SHOWN })}`
                        : ""}
                    </span>
                  )}
                </td>
                <td>{cert.issuer_name ?? "—"}</td>
                <td>
                  <CertificateStatusBadge status={cert.status} />
                </td>
                <td>
                  <DateTime ms={cert.not_after} />
                  <ExpiryNote notAfter={cert.not_after} now={props.now} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

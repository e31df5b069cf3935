import type { CaListQuery, CertificateAuthority } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { ExpiryNote } from "../../../components/ui/expiry-note";
import { SortableHeader, type SortDir } from "../../../components/ui/sortable-header";
import { CaStatusBadge } from "../../../components/ui/status-badge";
import { paths } from "../../../config/paths";

/** The CA list: name (links to detail), status, type, path length, key, expiry, creation. */
export function CaTable(props: {
  cas: readonly CertificateAuthority[];
  query: CaListQuery;
  onSort: (key: string, dir: SortDir) => void;
  now: number;
}) {
  const { t } = useTranslation();
  const sort = { sortKey: props.query.sort_key, sortDir: props.query.sort_dir, onSort: props.onSort };
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("cas.tableCaption")}</caption>
        <thead>
          <tr>
            <SortableHeader column="common_name" {...sort}>
              {t("cas.col.name")}
            </SortableHeader>
            <th scope="col">{t("cas.col.status")}</th>
            <SortableHeader column="type" {...sort}>
              {t("cas.col.type")}
            </SortableHeader>
            <th scope="col">{t("cas.col.pathLength")}</th>
            <th scope="col">{t("cas.col.key")}</th>
            <SortableHeader column="not_after" {...sort}>
              {t("cas.col.notAfter")}
            </SortableHeader>
            <SortableHeader column="create_time" {...sort}>
              {t("cas.col.created")}
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {props.cas.map((ca) => (
            <tr key={ca.ca_id}>
              <td>
                <Link to={paths.ca.getHref(ca.ca_id)} className="strong-link">
                  {ca.distinguished_name?.common_name ?? ca.ca_id}
                </Link>
                <div className="mono muted small">{ca.ca_id}</div>
              </td>
              <td>
                <CaStatusBadge status={ca.status} />
              </td>
              <td>{t(`caType.${ca.type}`)}</td>
              <td>{ca.path_length ?? "—"}</td>
              <td>{ca.key_algorithm ?? "—"}</td>
              <td>
                <DateTime ms={ca.not_after} />
                <ExpiryNote notAfter={ca.not_after} now={props.now} />
              </td>
              <td>
                <DateTime ms={ca.create_time} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

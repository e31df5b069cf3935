import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { Button } from "./button";

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** Server-side paging: where we are, previous / next, and the page size. */
export function Pager(props: {
  total: number;
  offset: number;
  limit: number;
  onChange: (next: { offset: number; limit: number }) => void;
}) {
  const { t, i18n } = useTranslation();
  const sizeId = useId();
  const { total, offset, limit } = props;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <span className="muted" aria-live="polite">
        {t("pager.range", {
          first: formatNumber(first, i18n.language),
          last: formatNumber(last, i18n.language),
          total: formatNumber(total, i18n.language),
        })}
      </span>
      <span className="pager-controls">
        <label htmlFor={sizeId} className="muted">
          {t("pager.pageSize")}
        </label>
        <select
          id={sizeId}
          className="select"
          value={limit}
          onChange={(event) => props.onChange({ offset: 0, limit: Number(event.target.value) })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          isDisabled={offset === 0}
          onPress={() => props.onChange({ offset: Math.max(0, offset - limit), limit })}
        >
          {t("pager.previous")}
        </Button>
        <Button
          size="sm"
          isDisabled={offset + limit >= total}
          onPress={() => props.onChange({ offset: offset + limit, limit })}
        >
          {t("pager.next")}
        </Button>
      </span>
    </nav>
  );
}

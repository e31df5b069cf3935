import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";

export type SortDir = "ASC" | "DESC";

/** A column header that sorts on the server; `aria-sort` tells screen readers the current order. */
export function SortableHeader(props: {
  children: ReactNode;
  column: string;
  sortKey: string | undefined;
  sortDir: SortDir | undefined;
  onSort: (column: string, dir: SortDir) => void;
}) {
  const { t } = useTranslation();
  const active = props.sortKey === props.column;
  const dir = active ? (props.sortDir ?? "DESC") : undefined;
  const next: SortDir = dir === "ASC" ? "DESC" : "ASC";
  return (
    <th scope="col" aria-sort={dir === "ASC" ? "ascending" : dir === "DESC" ? "descending" : "none"}>
      <Button
        variant="ghost"
        size="sm"
        className="sort-button"
        onPress={() => props.onSort(props.column, next)}
      >
        {props.children}
        <span aria-hidden="true" className="sort-mark">
          {dir === "ASC" ? "▲" : dir === "DESC" ? "▼" : "↕"}
        </span>
        <span className="visually-hidden">
          {t(next === "ASC" ? "table.sortAscending" : "table.sortDescending")}
        </span>
      </Button>
    </th>
  );
}

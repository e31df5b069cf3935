import { CA_STATUSES, CA_TYPES, type CaListQuery } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { NameSearch } from "../../../components/ui/name-search";
import { SelectField } from "../../../components/ui/select-field";

const ALL = "all";

/** Name search, status and type filters for the CA list; every change goes to the URL through `onChange`. */
export function CaFilters(props: {
  query: CaListQuery;
  onChange: (patch: Partial<Record<"name" | "status" | "type", string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <NameSearch
        label={t("cas.filters.name")}
        placeholder={t("cas.filters.namePlaceholder")}
        value={props.query.name ?? ""}
        onChange={(name) => props.onChange({ name: name === "" ? undefined : name })}
      />
      <SelectField
        label={t("cas.filters.status")}
        selectedKey={props.query.status ?? ALL}
        onChange={(key) => props.onChange({ status: key === ALL || key === null ? undefined : key })}
        items={[
          { id: ALL, label: t("common.all") },
          ...CA_STATUSES.map((s) => ({ id: s, label: t(`caStatus.${s}`) })),
        ]}
      />
      <SelectField
        label={t("cas.filters.type")}
        selectedKey={props.query.type ?? ALL}
        onChange={(key) => props.onChange({ type: key === ALL || key === null ? undefined : key })}
        items={[
          { id: ALL, label: t("common.all") },
          ...CA_TYPES.map((s) => ({ id: s, label: t(`caType.${s}`) })),
        ]}
      />
    </div>
  );
}

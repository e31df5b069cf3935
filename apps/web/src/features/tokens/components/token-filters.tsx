import { ROLES } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/ui/select-field";
import type { QueryValue } from "../../../lib/api-client";
import { TOKEN_STATUSES, type TokenFilter } from "../lib/token-status";

const ALL = "all";

/** Status and role filters; both live in the URL. */
export function TokenFilters(props: {
  filter: TokenFilter;
  onChange: (patch: Record<string, QueryValue>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <SelectField
        label={t("tokens.filters.status")}
        selectedKey={props.filter.status ?? ALL}
        onChange={(key) => props.onChange({ status: key === ALL ? undefined : key })}
        items={[
          { id: ALL, label: t("common.all") },
          ...TOKEN_STATUSES.map((s) => ({ id: s, label: t(`tokens.status.${s}`) })),
        ]}
      />
      <SelectField
        label={t("tokens.filters.role")}
        selectedKey={props.filter.role ?? ALL}
        onChange={(key) => props.onChange({ role: key === ALL ? undefined : key })}
        items={[{ id: ALL, label: t("common.all") }, ...ROLES.map((r) => ({ id: r, label: t(`role.${r}`) }))]}
      />
    </div>
  );
}

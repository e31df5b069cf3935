import { ROLES } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/ui/select-field";
import type { QueryValue } from "../../../lib/api-client";
import type { UserFilter } from "../lib/user-list";

const ALL = "all";

/** Role and state filters; both live in the URL. */
export function UserFilters(props: {
  filter: UserFilter;
  onChange: (patch: Record<string, QueryValue>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <SelectField
        label={t("users.filters.role")}
        selectedKey={props.filter.role ?? ALL}
        onChange={(key) => props.onChange({ role: key === ALL ? undefined : key })}
        items={[{ id: ALL, label: t("common.all") }, ...ROLES.map((r) => ({ id: r, label: t(`role.${r}`) }))]}
      />
      <SelectField
        label={t("users.filters.state")}
        selectedKey={props.filter.state ?? ALL}
        onChange={(key) => props.onChange({ state: key === ALL ? undefined : key })}
        items={[
          { id: ALL, label: t("common.all") },
          { id: "enabled", label: t("users.state.enabled") },
          { id: "disabled", label: t("users.state.disabled") },
        ]}
      />
    </div>
  );
}

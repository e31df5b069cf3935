import type { Role } from "@pca/contracts";
import { useTranslation } from "react-i18next";

/** A role in words, styled as the shell shows the signed-in user's role; its rights as the title. */
export function RoleChip(props: { role: Role }) {
  const { t } = useTranslation();
  return (
    <span className={`role-chip role-${props.role}`} title={t(`roleHelp.${props.role}`)}>
      {t(`role.${props.role}`)}
    </span>
  );
}

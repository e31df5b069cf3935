import type { User } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { RoleChip } from "../../../components/roles/role-chip";
import { Badge } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import { DateTime } from "../../../components/ui/date-time";
import { isLastEnabledAdmin } from "../lib/user-list";

export type UserAction = "role" | "password" | "disable" | "enable";

/**
 * The users with role, state and times, and per row what an admin may change. Each button's name
 * includes the user ("Disable alice"), so a screen reader's list of buttons is unambiguous.
 */
export function UsersTable(props: {
  users: readonly User[];
  /** Every user, to find the last enabled admin even when a filter hides the others. */
  allUsers: readonly User[];
  currentUsername: string | undefined;
  pendingUsername: string | undefined;
  onAction: (action: UserAction, user: User) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("users.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.col.username")}</th>
            <th scope="col">{t("users.col.role")}</th>
            <th scope="col">{t("users.col.state")}</th>
            <th scope="col">{t("users.col.created")}</th>
            <th scope="col">{t("users.col.lastLogin")}</th>
            <th scope="col">{t("users.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => {
            const { username } = user;
            const lastAdmin = isLastEnabledAdmin(user, props.allUsers);
            return (
              <tr key={username} className={user.disabled ? "row-disabled" : undefined}>
                <th scope="row" className="row-head">
                  <span className="mono">{username}</span>
                  {username === props.currentUsername ? (
                    <span className="muted small"> ({t("users.you")})</span>
                  ) : null}
                </th>
                <td>
                  <RoleChip role={user.role} />
                </td>
                <td>
                  {user.disabled ? (
                    <Badge tone="bad">{t("users.state.disabled")}</Badge>
                  ) : (
                    <Badge tone="ok">{t("users.state.enabled")}</Badge>
                  )}
                </td>
                <td>
                  <DateTime ms={user.createdAt} />
                  {user.updatedAt > user.createdAt ? (
                    <div className="muted small">
                      {t("users.changed")} <DateTime ms={user.updatedAt} inline />
                    </div>
                  ) : null}
                </td>
                <td>
                  {user.lastLoginAt === null ? (
                    <span className="muted">{t("users.neverSignedIn")}</span>
                  ) : (
                    <DateTime ms={user.lastLoginAt} />
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    <Button
                      size="sm"
                      aria-label={t("users.actions.roleOf", { username })}
                      onPress={() => props.onAction("role", user)}
                    >
                      {t("users.actions.role")}
                    </Button>
                    <Button
                      size="sm"
                      aria-label={t("users.actions.passwordOf", { username })}
                      onPress={() => props.onAction("password", user)}
                    >
                      {t("users.actions.password")}
                    </Button>
                    {user.disabled ? (
                      <Button
                        size="sm"
                        aria-label={t("users.actions.enableOf", { username })}
                        isPending={props.pendingUsername === username}
                        onPress={() => props.onAction("enable", user)}
                      >
                        {t("users.actions.enable")}
                      </Button>
                    ) : lastAdmin ? (
                      <span className="muted small">{t("users.lastAdminShort")}</span>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={t("users.actions.disableOf", { username })}
                        onPress={() => props.onAction("disable", user)}
                      >
                        {t("users.actions.disable")}
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

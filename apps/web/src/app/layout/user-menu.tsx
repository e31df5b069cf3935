import type { SessionInfo } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { paths } from "../../config/paths";
import { useLogout } from "../../lib/auth";

/** The signed-in user and role, always visible, and sign out. */
export function UserMenu(props: { session: SessionInfo }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const { username, role } = props.session.user;
  return (
    <div className="user">
      <span className="user-name" title={t("shell.signedInAs", { username })}>
        <span className="visually-hidden">{t("shell.signedInAs", { username: "" })}</span>
        {username}
      </span>
      <span className={`role role-${role}`} title={t(`roleHelp.${role}`)}>
        {t(`role.${role}`)}
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        disabled={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(paths.login.getHref()) })}
      >
        {t("shell.signOut")}
      </button>
    </div>
  );
}

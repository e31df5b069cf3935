import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation } from "react-router";
import { ErrorPanel, Loading } from "../../components/ui/states";
import { paths } from "../../config/paths";
import { useSession } from "../../lib/auth";
import { useCan } from "../../lib/authorization";
import { Preferences } from "./preferences";
import { UserMenu } from "./user-menu";

/**
 * The frame of every signed-in page: skip link, navigation (only what the role may use), the user
 * and role always in view, language and theme. Signed out, it sends the user to sign in and back.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const canIssue = useCan("certificate:issue");
  const canAudit = useCan("audit:read");
  const canManageUsers = useCan("users:manage");
  const canManageTokens = useCan("tokens:manage");
  if (session.isPending) return <Loading label={t("shell.checkingSession")} />;
  if (session.isError) {
    return (
      <main className="centered">
        <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (session.data === null) {
    return <Navigate to={paths.login.getHref(location.pathname + location.search)} replace />;
  }
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? "nav-link active" : "nav-link");
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </span>
        <nav aria-label={t("shell.nav")} className="nav">
          {canIssue ? (
            <NavLink to={paths.issue.path} className={navClass}>
              {t("nav.issue")}
            </NavLink>
          ) : null}
          <NavLink to={paths.cas.path} className={navClass}>
            {t("nav.cas")}
          </NavLink>
          <NavLink to={paths.certificates.path} className={navClass}>
            {t("nav.certificates")}
          </NavLink>
          {canAudit ? (
            <NavLink to={paths.audit.path} className={navClass}>
              {t("nav.audit")}
            </NavLink>
          ) : null}
          {canManageUsers ? (
            <NavLink to={paths.users.path} className={navClass}>
              {t("nav.users")}
            </NavLink>
          ) : null}
          {canManageTokens ? (
            <NavLink to={paths.tokens.path} className={navClass}>
              {t("nav.tokens")}
            </NavLink>
          ) : null}
        </nav>
        <div className="topbar-end">
          <Preferences />
          <UserMenu session={session.data} />
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

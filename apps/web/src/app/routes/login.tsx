import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { Loading } from "../../components/ui/states";
import { paths } from "../../config/paths";
import { LoginForm } from "../../features/auth/components/login-form";
import { fetchRaw } from "../../lib/api-client";
import { useSession } from "../../lib/auth";
import { readHealth } from "../../lib/health";
import { Preferences } from "../layout/preferences";

/** Only same-origin paths are followed after sign-in, so `?next=` cannot send anyone elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
    ? next
    : paths.home.getHref();
}

export function Component() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const health = useQuery({
    queryKey: ["healthz"],
    queryFn: ({ signal }) => readHealth(fetchRaw, signal),
    retry: false,
  });
  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to={next} replace />;
  return (
    <div className="login-page">
      <header className="login-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </span>
        <Preferences />
      </header>
      <main id="main" className="login-main">
        <LoginForm
          onSignedIn={() => void navigate(next, { replace: true })}
          notice={params.has("next") ? t("login.continue") : undefined}
        />
      </main>
      <footer className="login-footer muted small" aria-live="polite">
        {health.data?.state === "up"
          ? t("health.up", { version: health.data.version })
          : health.data?.state === "down" || health.isError
            ? t("health.down")
            : t("health.checking")}
      </footer>
    </div>
  );
}

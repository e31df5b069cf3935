import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { ErrorPanel } from "../../components/ui/states";
import { paths } from "../../config/paths";

/**
 * What a page shows when its chunk fails to load (a deploy replaced it) or it throws: a way on,
 * never a blank screen. Nothing of the error's internals is printed.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="centered" id="main">
      <div className="panel narrow">
        <h1>{notFound ? t("notFound.title") : t("routeError.title")}</h1>
        {notFound ? null : <ErrorPanel error={error} title={t("routeError.body")} />}
        <p>
          <Link to={paths.home.getHref()}>{t("notFound.home")}</Link> ·{" "}
          <a href={paths.home.getHref()}>{t("routeError.reload")}</a>
        </p>
      </div>
    </main>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/ui/page-header";
import { EmptyState } from "../../components/ui/states";
import { paths } from "../../config/paths";

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} />
      <EmptyState
        title={t("notFound.body")}
        hint={<Link to={paths.home.getHref()}>{t("notFound.home")}</Link>}
      />
    </>
  );
}

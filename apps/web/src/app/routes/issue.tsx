import { CcmIdSchema, IssuedCertificateTypeSchema } from "@pca/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { PageHeader } from "../../components/ui/page-header";
import { EmptyState, ErrorPanel, Loading } from "../../components/ui/states";
import { paths } from "../../config/paths";
import { getCaCsrQueryOptions } from "../../features/cas/api/get-ca-csr";
import { getCasQueryOptions } from "../../features/cas/api/get-cas";
import { IssueForm } from "../../features/issue/components/issue-form";
import { useCan } from "../../lib/authorization";
import { readQuery } from "../../lib/url-state";

const IssuePrefillSchema = z.object({
  fromCa: CcmIdSchema.optional(),
  type: IssuedCertificateTypeSchema.optional(),
});

/** Issuers listed in the picker: every CA, by name; the form lets only ACTIVED ones be chosen. */
const ISSUERS_QUERY = { limit: 100, sort_key: "common_name", sort_dir: "ASC" } as const;

/**
 * /issue. Composes the CA feature (issuer list, a PENDING CA's CSR for "Sign with another CA",
 * read from the URL) with the issue feature, which knows nothing about CAs beyond the contract.
 */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefill = readQuery(params, IssuePrefillSchema);
  const canIssue = useCan("certificate:issue");
  const issuers = useQuery({ ...getCasQueryOptions(ISSUERS_QUERY), enabled: canIssue });
  const fromCa = useQuery({
    ...getCaCsrQueryOptions(prefill.fromCa ?? ""),
    enabled: canIssue && prefill.fromCa !== undefined,
  });
  if (!canIssue) {
    return (
      <>
        <PageHeader title={t("issue.title")} />
        <EmptyState
          title={t("issue.notAllowed")}
          hint={<Link to={paths.cas.getHref()}>{t("nav.cas")}</Link>}
        />
      </>
    );
  }
  const sourceCa = issuers.data?.certificate_authorities.find((ca) => ca.ca_id === prefill.fromCa);
  const sourceName = sourceCa?.distinguished_name?.common_name ?? prefill.fromCa;
  return (
    <>
      <PageHeader title={t("issue.title")} subtitle={t("issue.subtitle")} />
      {prefill.fromCa ? <p className="alert alert-info">{t("issue.fromCa", { name: sourceName })}</p> : null}
      {prefill.fromCa && fromCa.isPending ? (
        <Loading label={t("cas.csr.loading")} />
      ) : prefill.fromCa && fromCa.isError ? (
        <ErrorPanel error={fromCa.error} onRetry={() => void fromCa.refetch()} />
      ) : (
        <IssueForm
          key={prefill.fromCa ?? "blank"}
          initialCsr={fromCa.data?.pem}
          initialType={prefill.type}
          issuers={{
            cas: issuers.data?.certificate_authorities.filter((ca) => ca.ca_id !== prefill.fromCa),
            isPending: issuers.isPending,
            error: issuers.error,
            refetch: () => void issuers.refetch(),
          }}
          onIssued={(result) =>
            // For INTERMEDIATE_CA, CCM's certificate_id is the new CA's id: it is read as a CA.
            void navigate(
              result.type === "INTERMEDIATE_CA"
                ? paths.ca.getHref(result.certificate_id, { issued: true })
                : paths.certificate.getHref(result.certificate_id, { issued: true }),
              { state: result },
            )
          }
        />
      )}
    </>
  );
}

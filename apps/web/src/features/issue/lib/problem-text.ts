import type { TFunction } from "i18next";
import { formatLocal } from "../../../lib/format";
import type { FieldProblem } from "./build-request";

const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/**
 * A field problem in the reader's language, chosen by its code; the details (the limit, the
 * issuer's expiry) fill the sentence, so the limit is stated before anything is submitted.
 */
export function problemText(t: TFunction, language: string, problem: FieldProblem): string {
  const d = problem.details ?? {};
  switch (problem.code) {
    case "VALIDITY_OUT_OF_RANGE": {
      const max = num(d.max);
      const type = typeof d.type === "string" ? d.type : undefined;
      if (max === undefined || !type) return t("errors.VALIDITY_OUT_OF_RANGE");
      return t("issue.validity.outOfRange", {
        max,
        unit: t(`validityUnit.${type as "YEAR"}`),
        years: num(d.maxYears) ?? 20,
      });
    }
    case "VALIDITY_START_IN_PAST":
      return t("issue.validity.startInPast");
    case "VALIDITY_BEYOND_ISSUER": {
      const when = num(d.issuerNotAfter);
      return when === undefined
        ? t("errors.VALIDITY_BEYOND_ISSUER")
        : t("issue.validity.beyondIssuer", { date: formatLocal(when, language) });
    }
    case "PATH_LENGTH_INVALID": {
      const max = num(d.max);
      if (num(d.issuerPathLength) === 0) return t("issue.type.issuerCannotSignCa");
      return max === undefined ? t("errors.PATH_LENGTH_INVALID") : t("issue.type.pathLengthMax", { max });
    }
    case "REQUIRED":
      return t("issue.problem.required");
    case "CSR_PENDING":
      return t("issue.problem.csrPending");
    case "CSR_LINT_ERRORS":
      return t("issue.problem.lintErrors");
    default:
      return t(`errors.${problem.code}`);
  }
}

import {
  type CertificateAuthority,
  CREATE_CERTIFICATE_BY_CSR_CODES,
  type CreateCertificateByCsrRequest,
  CreateCertificateByCsrRequestSchema,
  checkPathLength,
  computeValidity,
  type ErrorCode,
  failureFromZod,
  type IssuedCertificateType,
  type ValidityType,
  type ValidityWindow,
} from "@pca/contracts";
import { z } from "zod";
import type { CsrAnalysis } from "./analyse-csr";

/** The issue form's own values; the request body is built from them and the CSR analysis. */
export interface IssueFormValues {
  readonly issuerId: string | null;
  readonly type: IssuedCertificateType;
  readonly pathLength: number;
  readonly validityType: ValidityType;
  /** As typed; NaN when the field is empty or not a number. */
  readonly validityValue: number;
  readonly startFrom: number | undefined;
}

export type IssueField = "csr" | "issuer" | "pathLength" | "validity";

/** A field's problem, with a code the UI translates (never the message text). */
export interface FieldProblem {
  readonly code: ErrorCode | "REQUIRED" | "CSR_PENDING" | "CSR_LINT_ERRORS";
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

export interface BuiltRequest {
  readonly body: CreateCertificateByCsrRequest | null;
  readonly window: ValidityWindow | null;
  readonly problems: Partial<Record<IssueField, FieldProblem>>;
}

const FIELD_OF: Record<string, IssueField> = {
  issuer_id: "issuer",
  csr: "csr",
  validity: "validity",
  path_length: "pathLength",
  type: "pathLength",
};

function csrProblem(analysis: CsrAnalysis | null): FieldProblem | { wire: string } {
  if (analysis === null) return { code: "CSR_PENDING", message: "The CSR is still being read." };
  if (!analysis.ok) return analysis.error;
  if (analysis.preview.signatureValid === false) {
    return { code: "CSR_SIGNATURE_INVALID", message: "The CSR's signature does not verify." };
  }
  if (!analysis.wire.ok) return analysis.wire.error;
  const blocking = analysis.lint.filter((finding) => finding.severity === "error");
  if (blocking.length > 0) {
    return {
      code: "CSR_LINT_ERRORS",
      message: "Fix the errors the lint found.",
      details: { ids: blocking.map((f) => f.id) },
    };
  }
  return { wire: analysis.wire.value };
}

/**
 * The CreateCertificateByCsr body the form describes, checked by the contract's schema and by
 * computeValidity (the BFF runs the same two), or each field's problem. Pure: `now` is passed in.
 */
export function buildIssueRequest(
  values: IssueFormValues,
  analysis: CsrAnalysis | null,
  issuer: CertificateAuthority | undefined,
  now: number,
): BuiltRequest {
  const problems: Partial<Record<IssueField, FieldProblem>> = {};
  const csr = csrProblem(analysis);
  if (!("wire" in csr)) problems.csr = csr;
  if (values.issuerId === null) {
    problems.issuer = { code: "REQUIRED", message: "Choose the issuing CA." };
  } else if (issuer && issuer.status !== "ACTIVED") {
    problems.issuer = { code: "ISSUER_NOT_ACTIVE", message: "Only an ACTIVED CA can issue." };
  }
  if (values.type === "INTERMEDIATE_CA" && issuer && !problems.issuer) {
    const checked = checkPathLength({
      kind: values.type,
      pathLength: values.pathLength,
      issuerPathLength: issuer.path_length,
    });
    if (!checked.ok) problems.pathLength = checked.error;
  }
  const validity = {
    type: values.validityType,
    value: values.validityValue,
    ...(values.startFrom === undefined ? {} : { start_from: values.startFrom }),
  };
  const window = computeValidity(validity, {
    kind: values.type,
    now,
    issuerNotAfter: issuer?.not_after ?? undefined,
  });
  if (!window.ok) problems.validity = window.error;

  const candidate = {
    issuer_id: values.issuerId ?? "",
    csr: "wire" in csr ? csr.wire : "",
    validity,
    type: values.type,
    ...(values.type === "INTERMEDIATE_CA" ? { path_length: values.pathLength } : {}),
  };
  const parsed = CreateCertificateByCsrRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (!field || problems[field]) continue;
      problems[field] = failureFromZod(new z.ZodError([issue]), CREATE_CERTIFICATE_BY_CSR_CODES);
    }
  }
  const hasProblems = Object.keys(problems).length > 0;
  return {
    body: !hasProblems && parsed.success ? parsed.data : null,
    window: window.ok ? window.value : null,
    problems,
  };
}

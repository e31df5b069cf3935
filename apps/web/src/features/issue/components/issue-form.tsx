import {
  allowedPathLengths,
  type CertificateAuthority,
  type IssueCertificateResponse,
  type IssuedCertificateType,
  maxValidityValue,
} from "@pca/contracts";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { ErrorPanel } from "../../../components/ui/states";
import { useNow } from "../../../lib/use-now";
import { keepsIdempotencyKey, newIdempotencyKey, useIssueCertificate } from "../api/issue-certificate";
import { useCsrAnalysis } from "../hooks/use-csr-analysis";
import type { CsrAnalyser } from "../lib/analyse-csr";
import { buildIssueRequest, type IssueField } from "../lib/build-request";
import { problemText } from "../lib/problem-text";
import type { CsrSource } from "../lib/read-csr-file";
import { CsrInput } from "./csr-input";
import { CsrPreviewPanel } from "./csr-preview-panel";
import { IssuerPicker } from "./issuer-picker";
import { TypePicker } from "./type-picker";
import { type ValidityInput, ValidityPicker } from "./validity-picker";

export interface IssuerList {
  readonly cas: readonly CertificateAuthority[] | undefined;
  readonly isPending: boolean;
  readonly error: unknown;
  readonly refetch: () => void;
}

/**
 * Issue a certificate from a CSR. The request is built and checked in the browser by the same
 * schema and validity function as the BFF; it is sent once, with one Idempotency-Key per attempt.
 */
export function IssueForm(props: {
  issuers: IssuerList;
  initialCsr?: string | undefined;
  initialType?: IssuedCertificateType | undefined;
  onIssued: (result: IssueCertificateResponse) => void;
  analyser?: CsrAnalyser;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [source, setSource] = useState<CsrSource>({ kind: "text", text: props.initialCsr ?? "" });
  const [issuerId, setIssuerId] = useState<string | null>(null);
  const [type, setType] = useState<IssuedCertificateType>(props.initialType ?? "ENTITY_CERT");
  const [pathLength, setPathLength] = useState(0);
  const [validity, setValidity] = useState<ValidityInput>({
    type: "YEAR",
    valueText: "1",
    startFrom: undefined,
  });
  const [attempted, setAttempted] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const analysisState = useCsrAnalysis(source, props.analyser);
  const issue = useIssueCertificate({ onSuccess: props.onIssued });

  const analysis = analysisState.status === "done" ? analysisState.analysis : null;
  const issuer = props.issuers.cas?.find((ca) => ca.ca_id === issuerId);
  const built = buildIssueRequest(
    {
      issuerId,
      type,
      pathLength,
      validityType: validity.type,
      validityValue: validity.valueText.trim() === "" ? Number.NaN : Number(validity.valueText),
      startFrom: validity.startFrom,
    },
    analysis,
    issuer,
    now,
  );
  const csrEmpty = analysisState.status === "empty";
  const message = (field: IssueField): string | undefined => {
    const problem = built.problems[field];
    if (!problem) return undefined;
    const visible =
      attempted || field === "validity" || field === "pathLength" || (field === "csr" && !csrEmpty);
    // The preview panel already explains an unreadable CSR; the field only repeats it after submit.
    if (
      field === "csr" &&
      !attempted &&
      problem.code !== "CSR_LINT_ERRORS" &&
      problem.code !== "CSR_TOO_LONG"
    ) {
      return undefined;
    }
    return visible ? problemText(t, i18n.language, problem) : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!built.body || issue.isPending) return;
    const body = JSON.stringify(built.body);
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    issue.mutate(
      { body: built.body, idempotencyKey: attempt.current.key },
      {
        onError: (error) => {
          if (!keepsIdempotencyKey(error)) attempt.current = null;
        },
      },
    );
  };

  return (
    <div className="issue-layout">
      <form className="panel issue-form" onSubmit={submit} noValidate aria-label={t("issue.formLabel")}>
        <CsrInput source={source} onChange={setSource} errorMessage={message("csr")} />
        <IssuerPicker
          cas={props.issuers.cas}
          isPending={props.issuers.isPending}
          error={props.issuers.error}
          onRetry={props.issuers.refetch}
          value={issuerId}
          onChange={setIssuerId}
          forCa={type === "INTERMEDIATE_CA"}
          errorMessage={message("issuer")}
        />
        <TypePicker
          type={type}
          pathLength={pathLength}
          pathLengths={allowedPathLengths(issuer?.path_length)}
          onTypeChange={setType}
          onPathLengthChange={setPathLength}
          errorMessage={message("pathLength")}
        />
        <ValidityPicker
          value={validity}
          max={maxValidityValue(validity.type, type)}
          onChange={setValidity}
          window={built.window}
          problem={message("validity")}
          now={now}
        />
        {issue.isError ? <ErrorPanel error={issue.error} title={t("issue.failed")} /> : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" isPending={issue.isPending}>
            {issue.isPending ? t("issue.submitting") : t("issue.submit")}
          </Button>
          {attempted && !built.body ? (
            <span className="field-error" role="status">
              {t("issue.fixProblems")}
            </span>
          ) : null}
        </div>
      </form>
      <CsrPreviewPanel state={analysisState} />
    </div>
  );
}

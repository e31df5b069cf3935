import type { CsrPreview, LintFinding } from "@pca/contracts";
import { caRequestRule } from "./ca-request";
import { challengePasswordRule } from "./challenge-password";
import { dnsNamesRule } from "./dns-names";
import { keyTypeRule } from "./key-type";
import { rsaKeySizeRule } from "./rsa-key-size";
import type { LintRule } from "./rule";
import { cnInSansRule, noSansRule, tooManySansRule } from "./sans";
import { signatureRule } from "./signature";
import { signatureHashRule } from "./signature-hash";
import { emptySubjectRule } from "./subject";
import { wireLengthRule } from "./wire-length";

/** Every rule, in the order findings are shown (most severe first within a rule's kind). */
export const LINT_RULES: readonly LintRule[] = [
  signatureRule,
  wireLengthRule,
  tooManySansRule,
  rsaKeySizeRule,
  dnsNamesRule,
  signatureHashRule,
  keyTypeRule,
  caRequestRule,
  emptySubjectRule,
  noSansRule,
  cnInSansRule,
  challengePasswordRule,
];

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lints a CSR preview: findings with a stable id, a severity and a message in English and
 * Simplified Chinese, errors first. Pure and synchronous, so the SPA can run it on every keystroke.
 */
export function lintCsr(preview: CsrPreview): LintFinding[] {
  return LINT_RULES.flatMap((rule) => rule(preview)).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

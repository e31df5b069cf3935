import type { CsrPreview, LintFinding, LintId } from "@pca/contracts";

/** One lint rule: reads a preview, returns zero or more findings. Rules never throw. */
export type LintRule = (preview: CsrPreview) => LintFinding[];

/** A finding with its sentence in English and Simplified Chinese. */
export const finding = (
  id: LintId,
  severity: LintFinding["severity"],
  en: string,
  zh: string,
): LintFinding => ({
  id,
  severity,
  message: { en, zh },
});

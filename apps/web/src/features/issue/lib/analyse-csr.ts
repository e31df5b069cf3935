import type { CsrPreview, Failure, LintFinding } from "@pca/contracts";

/** What the browser learned from the CSR input, without sending it anywhere. */
export type CsrAnalysis =
  | {
      readonly ok: true;
      readonly preview: CsrPreview;
      readonly lint: readonly LintFinding[];
      /** The exact `csr` string CCM receives (CRLF PEM), or the reason it cannot be sent. */
      readonly wire:
        | { readonly ok: true; readonly value: string }
        | { readonly ok: false; readonly error: Failure };
    }
  | { readonly ok: false; readonly error: Failure };

export type CsrAnalyser = (input: string | Uint8Array) => Promise<CsrAnalysis>;

/**
 * Decodes, previews and lints a CSR with @pca/pki, loaded on first use as its own chunk (the
 * first keystroke pays for it, the initial page does not). Verification uses WebCrypto.
 */
export const analyseCsr: CsrAnalyser = async (input) => {
  const pki = await import("@pca/pki");
  const decoded = pki.decodeCsr(input);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const preview = await pki.previewCsr(decoded.value);
  const lint = pki.lintCsr(preview);
  const wire = pki.toWire(decoded.value);
  return {
    ok: true,
    preview,
    lint,
    wire: wire.ok ? { ok: true, value: wire.value } : { ok: false, error: wire.error },
  };
};

import type { CertificatePreview, CsrPreview, LintFinding, Result } from "@pca/contracts";

/** What the console knows about a CSR after `@pca/pki` read it. */
export interface CsrReading {
  readonly preview: CsrPreview;
  readonly lint: LintFinding[];
  /** The exact string CCM receives (PEM, CRLF newlines) and whether it fits CCM's 5120 limit. */
  readonly wire: { readonly csr: string; readonly length: number; readonly withinLimit: boolean };
  /** A real PEM file: LF newlines and a final newline. */
  readonly pem: string;
}

/**
 * Decodes, normalises, previews and lints a CSR given in any input form. Fails with pki's CSR_*
 * codes; never echoes the input.
 */
export type ReadCsr = (input: string) => Promise<Result<CsrReading>>;

/** Decodes one PEM certificate. Fails with CERTIFICATE_UNPARSEABLE. */
export type ReadCertificate = (pem: string) => Promise<Result<CertificatePreview>>;

/** The pki seams the routes and the issuance use case need, passed in so tests can swap them. */
export interface PkiReaders {
  readonly readCsr: ReadCsr;
  readonly readCertificate: ReadCertificate;
}

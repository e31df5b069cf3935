/**
 * @pca/pki for Node (CLI, BFF, emulator): the browser entry's API with node:crypto as the default
 * provider, which verifies from the parsed SPKI and TBS bytes without WebCrypto's key import.
 * Selected by the "node" export condition; the SPA never resolves this file.
 */
import type { CertificatePreview, CsrPreview, Result } from "@pca/contracts";
import {
  previewCertificates as previewCertificatesWith,
  previewCertificate as previewCertificateWith,
} from "./certificate-preview";
import { nodeCryptoProvider } from "./crypto/node";
import type { DecodedCsr } from "./decode-csr";
import { type PreviewOptions, previewCsr as previewWith } from "./preview";

export { nodeCryptoProvider } from "./crypto/node";
export * from "./index";

const withNode = (options: PreviewOptions): PreviewOptions => ({ crypto: nodeCryptoProvider, ...options });

/** `previewCsr` with node:crypto unless another provider is given. */
export const previewCsr = (csr: DecodedCsr, options: PreviewOptions = {}): Promise<CsrPreview> =>
  previewWith(csr, withNode(options));

/** `previewCertificate` with node:crypto unless another provider is given. */
export const previewCertificate = (
  input: string | Uint8Array,
  options: PreviewOptions = {},
): Promise<Result<CertificatePreview>> => previewCertificateWith(input, withNode(options));

/** `previewCertificates` with node:crypto unless another provider is given. */
export const previewCertificates = (
  input: string | Uint8Array,
  options: PreviewOptions = {},
): Promise<Result<CertificatePreview[]>> => previewCertificatesWith(input, withNode(options));

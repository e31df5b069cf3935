/**
 * @pca/pki for Node (CLI, BFF, emulator): the browser entry's API with node:crypto as the default
 * provider, which verifies from the parsed SPKI and TBS bytes without WebCrypto's key import.
 * Selected by the "node" export condition; the SPA never resolves this file.
 */
import type { CsrPreview } from "@pca/contracts";
import { nodeCryptoProvider } from "./crypto/node";
import type { DecodedCsr } from "./decode-csr";
import { type PreviewOptions, previewCsr as previewWith } from "./preview";

export { nodeCryptoProvider } from "./crypto/node";
export * from "./index";

/** `previewCsr` with node:crypto unless another provider is given. */
export const previewCsr = (csr: DecodedCsr, options: PreviewOptions = {}): Promise<CsrPreview> =>
  previewWith(csr, { crypto: nodeCryptoProvider, ...options });

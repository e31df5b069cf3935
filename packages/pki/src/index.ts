/**
 * @pca/pki, browser-safe entry: nothing reachable from here imports a `node:` module, so the SPA
 * can lazy-load it and preview a CSR without sending it anywhere. Previews default to WebCrypto.
 * Node code gets `./node.ts` through the "node" export condition instead: the same API with the
 * node:crypto provider as default (see package.json "exports").
 */
export { previewCertificate, previewCertificates } from "./certificate-preview";
export type { CryptoProvider, DigestName, SignatureInput } from "./crypto/provider";
export { webCryptoProvider } from "./crypto/webcrypto";
export { type CsrInputForm, type DecodedCsr, decodeCsr } from "./decode-csr";
export { MAX_INPUT_BYTES } from "./limits";
export { lintCsr } from "./lint";
export type { CsrInfo } from "./parse-csr";
export { type PreviewOptions, previewCsr } from "./preview";
export { csrLengths, toPem, toWire } from "./wire";

import { z } from "zod";
import { CcmIdSchema } from "../ccm/common";
import { CertificatePreviewSchema, CsrPreviewSchema, LintFindingSchema } from "../csr-preview";

/** `:caId` and `:id` path parameters: CCM ids, checked before anything reaches the upstream. */
export const CaIdParamsSchema = z.strictObject({ caId: CcmIdSchema });

/**
 * `GET /api/cas/:caId/csr`: a PENDING CA's CSR as a real PEM (LF newlines, final newline), its
 * preview and lint, and the file name the download uses.
 */
export const CaCsrResponseSchema = z.object({
  ca_id: CcmIdSchema,
  fileName: z.string(),
  pem: z.string(),
  preview: CsrPreviewSchema,
  lint: z.array(LintFindingSchema),
});
export type CaCsrResponse = z.infer<typeof CaCsrResponseSchema>;

/** `GET /api/cas/:caId/certificate`: an ACTIVED or EXPIRED CA's certificate, chain and decoded view. */
export const CaCertificateResponseSchema = z.object({
  ca_id: CcmIdSchema,
  certificate: z.string(),
  certificate_chain: z.string(),
  preview: CertificatePreviewSchema,
});
export type CaCertificateResponse = z.infer<typeof CaCertificateResponseSchema>;

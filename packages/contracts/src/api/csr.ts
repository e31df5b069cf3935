import { z } from "zod";
import { CsrPreviewSchema, LintFindingSchema } from "../csr-preview";

/** The largest CSR input accepted in any form, before any parsing (a real CSR is far smaller). */
export const CSR_INPUT_MAX_BYTES = 64 * 1024;

/** `POST /api/csr/preview`: a CSR in any input form. */
export const CsrPreviewRequestSchema = z.strictObject({
  csr: z.string().max(CSR_INPUT_MAX_BYTES, { error: "The CSR input is larger than 64 KiB." }),
});
export type CsrPreviewRequest = z.infer<typeof CsrPreviewRequestSchema>;

export const CsrPreviewResponseSchema = z.object({
  preview: CsrPreviewSchema,
  lint: z.array(LintFindingSchema),
  /** The exact string CCM would receive, and whether it fits CCM's 5120-character limit. */
  wire: z.object({ csr: z.string(), length: z.number().int(), withinLimit: z.boolean() }),
});
export type CsrPreviewResponse = z.infer<typeof CsrPreviewResponseSchema>;

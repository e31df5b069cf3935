import { z } from "zod";
import { ErrorCodeSchema } from "../error-codes";

/** What CCM said, kept beside our own code when an upstream call failed. */
export const UpstreamErrorSchema = z.object({
  status: z.number().int().optional(),
  error_code: z.string().optional(),
  error_msg: z.string().optional(),
  request_id: z.string().optional(),
});
export type UpstreamError = z.infer<typeof UpstreamErrorSchema>;

/** The one error shape of the console API: `{"error": {"code", "message", "details"?, "upstream"?}}`. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    upstream: UpstreamErrorSchema.optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

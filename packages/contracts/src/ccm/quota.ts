import { z } from "zod";

export const QUOTA_TYPES = ["CERTIFICATE_AUTHORITY", "CERTIFICATE"] as const;

/**
 * ShowCertificateAuthorityQuota's and ShowCertificateQuota's body (reference §3.7): how many
 * resources of a type exist and how many may.
 */
export const QuotaResponseSchema = z.object({
  quotas: z.object({
    resources: z.array(
      z.object({
        type: z.enum(QUOTA_TYPES),
        used: z.number().int().nonnegative(),
        quota: z.number().int().nonnegative(),
      }),
    ),
  }),
});
export type QuotaResponse = z.infer<typeof QuotaResponseSchema>;

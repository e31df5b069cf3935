import { z } from "zod";

/** `GET /api/quotas/cas`: how many CAs the account has (in every state) and how many it may have. */
export const QuotaUsageSchema = z.object({
  used: z.number().int().nonnegative(),
  quota: z.number().int().nonnegative(),
});
export type QuotaUsage = z.infer<typeof QuotaUsageSchema>;

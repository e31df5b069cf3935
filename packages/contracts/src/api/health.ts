import { z } from "zod";

export const HealthResponseSchema = z.object({ status: z.literal("ok"), version: z.string() });

export const ReadyResponseSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.object({
    database: z.object({ ok: z.boolean(), latencyMs: z.number().optional() }),
    upstream: z.object({ ok: z.boolean(), latencyMs: z.number().optional(), mode: z.string() }),
  }),
});
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

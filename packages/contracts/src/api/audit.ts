import { z } from "zod";
import { RoleSchema } from "./session";

/**
 * The stages of a state-changing command, each an audit event `<command>.<stage>` (the BFF's
 * command runner writes them): requested before anything is sent, then succeeded or failed, or
 * unknown (CCM's answer was lost) followed by reconciled or failed; refused when it stopped before.
 */
export const COMMAND_STAGES = [
  "requested",
  "succeeded",
  "failed",
  "refused",
  "unknown",
  "reconciled",
] as const;
export type CommandStage = (typeof COMMAND_STAGES)[number];

/** The state-changing commands, each audited with every stage of COMMAND_STAGES. */
export const COMMAND_ACTIONS = ["certificate.issue"] as const;
export type CommandAction = (typeof COMMAND_ACTIONS)[number];

/** The other audited actions: one event each. */
const SINGLE_ACTIONS = [
  "session.login",
  "session.logout",
  "certificate.download",
  "ca.csr.export",
  "ca.certificate.download",
  "user.create",
  "user.update",
  "token.create",
  "token.revoke",
  "audit.export",
] as const;

export type AuditAction = (typeof SINGLE_ACTIONS)[number] | `${CommandAction}.${CommandStage}`;

/** The audit event of one stage of a command. */
export const commandEvent = (command: CommandAction, stage: CommandStage): AuditAction =>
  `${command}.${stage}`;

export const AUDIT_ACTIONS = [
  ...SINGLE_ACTIONS.slice(0, 2),
  ...COMMAND_ACTIONS.flatMap((command) => COMMAND_STAGES.map((stage) => commandEvent(command, stage))),
  ...SINGLE_ACTIONS.slice(2),
] as [AuditAction, ...AuditAction[]];
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);

export const AUDIT_OUTCOMES = ["success", "failure", "unknown"] as const;
export const AuditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

/** One append-only, hash-chained audit event. `hash` covers every other field and `prevHash`. */
export const AuditEventSchema = z.object({
  seq: z.number().int().positive(),
  time: z.number().int(),
  actor: z.string(),
  role: RoleSchema.nullable(),
  action: AuditActionSchema,
  target: z.string().nullable(),
  outcome: AuditOutcomeSchema,
  requestId: z.string().nullable(),
  upstreamRequestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** `GET /api/audit` query; the same filters drive the `.csv` and `.json` exports. */
export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  actor: z.string().min(1).max(64).optional(),
  action: AuditActionSchema.optional(),
  outcome: AuditOutcomeSchema.optional(),
  target: z.string().min(1).max(128).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The result of recomputing the chain: the first broken link is named. */
export const AuditChainStatusSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditChainStatus = z.infer<typeof AuditChainStatusSchema>;

export const AuditListResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  events: z.array(AuditEventSchema),
});
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

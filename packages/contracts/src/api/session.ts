import { z } from "zod";

export const ROLES = ["viewer", "issuer", "admin"] as const;
/** viewer: read, preview, export CSRs; issuer: + issue; admin: + users, tokens and the audit log. */
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const UsernameSchema = z
  .string()
  .regex(USERNAME_PATTERN, { error: "A user name is 1-64 letters, digits, '.', '_', '@' or '-'." });
/** Passwords are never trimmed or echoed; 1-256 characters at login, stricter when set. */
export const LoginPasswordSchema = z.string().min(1).max(256);

/** `POST /api/session`. */
export const LoginRequestSchema = z.strictObject({
  username: UsernameSchema,
  password: LoginPasswordSchema,
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** `POST /api/session` and `GET /api/session`: who is signed in, and the CSRF token to send back. */
export const SessionInfoSchema = z.object({
  user: z.object({ username: z.string(), role: RoleSchema }),
  csrfToken: z.string(),
  /** ms since the epoch: when the session ends unless used (idle) and at the latest (absolute). */
  idleExpiresAt: z.number().int(),
  absoluteExpiresAt: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** State-changing requests carry the session's CSRF token in this header. */
export const CSRF_HEADER = "X-CSRF-Token";

import { z } from "zod";
import { RoleSchema, UsernameSchema } from "./session";

export const PASSWORD_MIN_LENGTH = 12;
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `A password is at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(256);

export const UserSchema = z.object({
  username: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.number().int(),
  /** The last change of role, password or state (createdAt until the first one). */
  updatedAt: z.number().int(),
  lastLoginAt: z.number().int().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListResponseSchema = z.object({ users: z.array(UserSchema) });

export const CreateUserRequestSchema = z.strictObject({
  username: UsernameSchema,
  password: NewPasswordSchema,
  role: RoleSchema,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z.strictObject({
  role: RoleSchema.optional(),
  password: NewPasswordSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const TokenIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "Not a token id." });

/** An API token as listed: never the secret, which is shown once at creation. */
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  owner: z.string(),
  createdAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListResponseSchema = z.object({ tokens: z.array(ApiTokenSchema) });

export const CreateApiTokenRequestSchema = z.strictObject({
  name: z.string().min(1).max(64),
  role: RoleSchema,
  /** Days until it expires; absent means no expiry. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

/** The secret appears here once and nowhere else. */
export const CreateApiTokenResponseSchema = z.object({ token: ApiTokenSchema, secret: z.string() });

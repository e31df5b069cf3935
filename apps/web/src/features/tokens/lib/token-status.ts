import { type ApiToken, RoleSchema } from "@pca/contracts";
import { z } from "zod";

export const TOKEN_STATUSES = ["active", "expired", "revoked"] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Revoked wins over expired: it is the admin's decision, and it is final. */
export function tokenStatus(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && now >= token.expiresAt) return "expired";
  return "active";
}

/** The tokens page's filters, as they stand in the URL (`?status=active&role=admin`). */
export const TokenFilterSchema = z.object({
  status: z.enum(TOKEN_STATUSES).optional(),
  role: RoleSchema.optional(),
});
export type TokenFilter = z.infer<typeof TokenFilterSchema>;

export function filterTokens(tokens: readonly ApiToken[], filter: TokenFilter, now: number): ApiToken[] {
  return tokens.filter(
    (token) =>
      (filter.status === undefined || tokenStatus(token, now) === filter.status) &&
      (filter.role === undefined || token.role === filter.role),
  );
}

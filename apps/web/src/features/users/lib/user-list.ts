import { RoleSchema, type User } from "@pca/contracts";
import { z } from "zod";

/** The users page's filters, as they stand in the URL (`?role=admin&state=disabled`). */
export const UserFilterSchema = z.object({
  role: RoleSchema.optional(),
  state: z.enum(["enabled", "disabled"]).optional(),
});
export type UserFilter = z.infer<typeof UserFilterSchema>;

/** The users the filter keeps, in the server's order (by name). */
export function filterUsers(users: readonly User[], filter: UserFilter): User[] {
  return users.filter(
    (user) =>
      (filter.role === undefined || user.role === filter.role) &&
      (filter.state === undefined || user.disabled === (filter.state === "disabled")),
  );
}

/**
 * Whether this user is the only enabled admin: the BFF refuses (FORBIDDEN) to disable or demote
 * them, so the page does not offer it.
 */
export function isLastEnabledAdmin(user: User, users: readonly User[]): boolean {
  if (user.role !== "admin" || user.disabled) return false;
  return users.filter((u) => u.role === "admin" && !u.disabled).length <= 1;
}

const RANK = { viewer: 1, issuer: 2, admin: 3 } as const;

/** A change to a lower role takes rights away at once, so the page warns before it. */
export const isDemotion = (from: User["role"], to: User["role"]): boolean => RANK[to] < RANK[from];

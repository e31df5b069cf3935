import { type UpdateUserRequest, type User, UserSchema } from "@pca/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApiError, apiRequest } from "../../../lib/api-client";
import { SESSION_QUERY_KEY } from "../../../lib/query-client";
import { USERS_QUERY_KEY } from "./get-users";

export interface UpdateUserInput {
  readonly username: string;
  readonly changes: UpdateUserRequest;
}

/**
 * `PATCH /api/users/:username` (admin): role, password or disabled. Fails with USER_NOT_FOUND, or
 * FORBIDDEN when the change would leave the console without an enabled admin.
 */
export const updateUser = ({ username, changes }: UpdateUserInput) =>
  apiRequest({
    method: "PATCH",
    path: `/api/users/${encodeURIComponent(username)}`,
    body: changes,
    schema: UserSchema,
  });

/**
 * Changes a user, then refreshes the list, and the session too: an admin who changed their own
 * role or password sees the consequence (fewer rights, or signed out) at once.
 */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation<User, ApiError, UpdateUserInput>({
    mutationFn: updateUser,
    // A password change carries the password in its variables: do not keep the finished mutation.
    gcTime: 0,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}

import { type CreateUserRequest, type User, UserSchema } from "@pca/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApiError, apiRequest } from "../../../lib/api-client";
import { USERS_QUERY_KEY } from "./get-users";

/** `POST /api/users` (admin). Fails with USER_EXISTS, WEAK_PASSWORD or VALIDATION_FAILED. */
export const createUser = (body: CreateUserRequest) =>
  apiRequest({ method: "POST", path: "/api/users", body, schema: UserSchema });

/** Creates a user, then refreshes the list. The password lives only in the request. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation<User, ApiError, CreateUserRequest>({
    mutationFn: createUser,
    // The request body holds the initial password: do not keep the finished mutation around.
    gcTime: 0,
    onSuccess: () => void client.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}

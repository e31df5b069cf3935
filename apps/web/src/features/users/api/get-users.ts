import { UserListResponseSchema } from "@pca/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

/** `GET /api/users` (admin): every local user with role and state; never a password hash. */
export const getUsers = (signal?: AbortSignal) =>
  apiRequest({ path: "/api/users", schema: UserListResponseSchema, signal });

export const USERS_QUERY_KEY = ["users", "list"] as const;

export const getUsersQueryOptions = () =>
  queryOptions({ queryKey: USERS_QUERY_KEY, queryFn: ({ signal }) => getUsers(signal) });

/** The user list; `enabled: false` for roles that may not read it, so nothing is requested. */
export const useUsers = (options: { enabled: boolean }) =>
  useQuery({ ...getUsersQueryOptions(), enabled: options.enabled });

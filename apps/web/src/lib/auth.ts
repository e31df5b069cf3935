import type { LoginRequest, Role } from "@pca/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { setCsrfToken } from "./api-client";
import { SESSION_QUERY_KEY } from "./query-client";

const sessionApi = () => import("./session-api");

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async ({ signal }) => (await sessionApi()).getSession(signal),
    staleTime: 5 * 60_000,
  });

/** The signed-in session: data is null when nobody is signed in. */
export const useSession = () => useQuery(sessionQueryOptions());

/** The signed-in user's role, or null while unknown or signed out. */
export function useRole(): Role | null {
  return useSession().data?.user.role ?? null;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginRequest) => (await sessionApi()).login(input),
    onSuccess: (session) => client.setQueryData(SESSION_QUERY_KEY, session),
  });
}

/** Signs out; whatever the answer, the browser forgets everything it cached. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await sessionApi()).logout(),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(SESSION_QUERY_KEY, null);
    },
  });
}

import { type LoginRequest, LoginRequestSchema, type SessionInfo, SessionInfoSchema } from "@pca/contracts";
import { z } from "zod";
import { apiRequest, isApiError, setCsrfToken } from "./api-client";
import "./zod-setup";

/**
 * The session calls with their contract schemas. lib/auth.ts loads this module on first use, so
 * zod is not part of the first download; the shell needs only the answer.
 */

/** Who is signed in, or null when nobody is (a 401 is an answer here, not an error). */
export async function getSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await apiRequest({ path: "/api/session", schema: SessionInfoSchema, signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** `POST /api/session`; the body is checked by the contract's schema before it is sent. */
export async function login(input: LoginRequest): Promise<SessionInfo> {
  const session = await apiRequest({
    method: "POST",
    path: "/api/session",
    body: LoginRequestSchema.parse(input),
    schema: SessionInfoSchema,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

/** `DELETE /api/session` (204). */
export async function logout(): Promise<void> {
  await apiRequest({ method: "DELETE", path: "/api/session", schema: z.unknown() });
}

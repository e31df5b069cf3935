import { randomSecret } from "./secrets";
import type { UserStore } from "./users";

/** The first admin's user name (a fixed surface for scripts). */
export const FIRST_ADMIN = "admin";

/**
 * Creates the user `admin` when there are no users yet. Its password is `configured` when given,
 * otherwise a generated one, returned so main.ts can print it once to the console (never through
 * the logger). Resolves null when users already exist or another replica created them first.
 */
export async function ensureFirstAdmin(
  users: UserStore,
  configured: string | undefined,
): Promise<{ username: string; generatedPassword: string | null } | null> {
  if ((await users.list()).length > 0) return null;
  const password = configured ?? randomSecret(18);
  const created = await users.create(FIRST_ADMIN, password, "admin");
  if (!created) return null;
  return { username: FIRST_ADMIN, generatedPassword: configured === undefined ? password : null };
}

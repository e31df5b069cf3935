import { ApiClient } from "./client";
import type { TestApp } from "./test-app";

/** The password every test user gets. */
export const TEST_PASSWORD = "correct horse battery staple 1";

/** Adds a user with TEST_PASSWORD and returns a client signed in as them. */
export async function signedIn(
  app: TestApp,
  username: string,
  role: "viewer" | "issuer" | "admin",
): Promise<ApiClient> {
  await app.addUser(username, TEST_PASSWORD, role);
  const client = new ApiClient(app.url);
  const res = await client.login(username, TEST_PASSWORD);
  if (res.status !== 200) throw new Error(`could not sign in as ${username}: ${res.status}`);
  return client;
}

import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The console's roles, lowest first (the API's `role`; e2e talks to it from outside, as a browser does). */
export type Role = "viewer" | "issuer" | "admin";

/** The first admin's password, given to the BFF at start (the data directory is fresh each run). */
export const ADMIN_PASSWORD = "e2e-admin-password-0001";

/** One account per role; the setup project creates viewer and issuer through the admin API. */
export const ACCOUNTS: Readonly<Record<Role, { username: string; password: string }>> = {
  admin: { username: "admin", password: ADMIN_PASSWORD },
  issuer: { username: "e2e-issuer", password: "e2e-issuer-password-0001" },
  viewer: { username: "e2e-viewer", password: "e2e-viewer-password-0001" },
};

const authDir = join(fileURLToPath(new URL(".", import.meta.url)), "..", "artifacts", ".auth");

/** Where the setup project keeps each role's signed-in browser state (cookie + preferences). */
export const storageStatePath = (role: Role): string => join(authDir, `${role}.json`);

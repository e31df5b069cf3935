import type { Page } from "@playwright/test";
import type { Role } from "./accounts";

/** One page of the console as the axe and screenshot tour visits it. */
export interface TourStop {
  readonly name: string;
  readonly role: Role | "anonymous";
  /** A path, or a function that finds one through the API (ids are new each run). */
  readonly path: string;
  /** Text that shows the page has finished loading. */
  readonly ready: string | RegExp;
  /** A CSR to paste on /issue, so the preview and its checks are in the picture. */
  readonly paste?: string;
  /** What to do once the page is there (open a dialog), before waiting for `ready`. */
  readonly act?: (page: Page) => Promise<void>;
}

/** Opens the new-user dialog and submits it empty, so its rules and field errors are judged too. */
async function openNewUser(page: Page): Promise<void> {
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByRole("dialog", { name: "New user" }).getByRole("button", { name: "Create user" }).click();
}

/** Creates a token, so the dialog that shows its secret once is judged and pictured. */
async function createToken(page: Page): Promise<void> {
  await page.getByRole("button", { name: "New token" }).click();
  const form = page.getByRole("dialog", { name: "New API token" });
  await form.getByLabel("Name").fill(`tour-${Date.now()}`);
  await form.getByRole("button", { name: "Create token" }).click();
}

/** Opens the revoke confirmation of the first token that can still be revoked. */
async function askToRevoke(page: Page): Promise<void> {
  await page
    .getByRole("button", { name: /^Revoke token / })
    .first()
    .click();
}

/** Every page, signed in with the role that sees the most of it; ids are filled in at run time. */
export function tour(ids: { pendingCa: string; activeCa: string; certificate: string }): readonly TourStop[] {
  return [
    { name: "login", role: "anonymous", path: "/login", ready: /Server ready/ },
    { name: "issue-empty", role: "issuer", path: "/issue", ready: "Nothing to preview yet" },
    {
      name: "issue-preview",
      role: "issuer",
      path: "/issue",
      ready: "Proof of possession",
      paste: "csr/rsa1024-weak.pem",
    },
    {
      name: "issue-refused",
      role: "issuer",
      path: "/issue",
      ready: "Proof of possession",
      paste: "bad/altered-subject.pem",
    },
    {
      name: "issue-viewer",
      role: "viewer",
      path: "/issue",
      ready: "Your role can read but not issue certificates.",
    },
    { name: "cas-list", role: "admin", path: "/cas", ready: "Example Corp Root CA G1" },
    { name: "ca-pending", role: "admin", path: `/cas/${ids.pendingCa}`, ready: "✓ Signature valid" },
    {
      name: "ca-active",
      role: "admin",
      path: `/cas/${ids.activeCa}`,
      ready: "Download certificate and chain",
    },
    { name: "certificates-list", role: "admin", path: "/certificates", ready: "Example Corp Issuing CA G1" },
    {
      name: "certificate-detail",
      role: "admin",
      path: `/certificates/${ids.certificate}`,
      ready: "Decoded certificate",
    },
    { name: "audit", role: "admin", path: "/audit", ready: /Hash chain intact/ },
    { name: "users", role: "admin", path: "/users", ready: "Last enabled admin" },
    {
      name: "users-create",
      role: "admin",
      path: "/users",
      ready: "A password is 12 to 256 characters long.",
      act: openNewUser,
    },
    { name: "users-issuer", role: "issuer", path: "/users", ready: "Only administrators can manage users." },
    { name: "tokens-secret", role: "admin", path: "/tokens", ready: "I have stored it", act: createToken },
    { name: "tokens", role: "admin", path: "/tokens", ready: "Last used" },
    {
      name: "tokens-revoke",
      role: "admin",
      path: "/tokens",
      ready: "This cannot be undone.",
      act: askToRevoke,
    },
    { name: "not-found", role: "admin", path: "/no-such-page", ready: "Not found" },
  ];
}

import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, type Role, storageStatePath } from "../support/accounts";
import { apiSignIn, createUser } from "../support/api";
import { signInThroughUi } from "../support/sign-in";

const ROLES: readonly Role[] = ["viewer", "issuer", "admin"];

setup("an admin creates a viewer and an issuer through the API", async ({ request }) => {
  const csrf = await apiSignIn(request, ACCOUNTS.admin);
  for (const role of ["viewer", "issuer"] as const) {
    await createUser(request, csrf, { ...ACCOUNTS[role], role });
  }
});

for (const role of ROLES) {
  setup(
    `${role} signs in through the sign-in page; the session is kept for the tests`,
    async ({ browser }) => {
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      await signInThroughUi(page, ACCOUNTS[role]);
      // The role is always in view, and the start page is the task the role can do.
      await expect(page.locator(".role")).toHaveText(role.charAt(0).toUpperCase() + role.slice(1));
      await expect(page).toHaveURL(role === "viewer" ? /\/cas$/ : /\/issue$/);
      await context.storageState({ path: storageStatePath(role) });
      await context.close();
    },
  );
}

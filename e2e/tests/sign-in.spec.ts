import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { signInThroughUi } from "../support/sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

test("a signed-out visit goes to sign-in and comes back; a wrong password is refused; sign out ends it", async ({
  page,
}) => {
  await page.goto("/certificates");
  await expect(page).toHaveURL(/\/login\?next=%2Fcertificates/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(/Server ready/)).toBeVisible();

  await page.getByLabel("User name").fill(ACCOUNTS.issuer.username);
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in" }).click();
  const refusal = page.getByRole("alert");
  await expect(refusal).toContainText("The user name or password is wrong.");
  await expect(refusal).toContainText("INVALID_CREDENTIALS");

  await page.getByLabel("Password").fill(ACCOUNTS.issuer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/certificates$/);
  await expect(page.locator(".user-name")).toContainText(ACCOUNTS.issuer.username);
  await expect(page.locator(".role")).toHaveText("Issuer");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/issue");
  await expect(page).toHaveURL(/\/login\?next=%2Fissue/);
});

test("the admin signs in through the page and sees the audit log in the navigation", async ({ page }) => {
  await signInThroughUi(page, ACCOUNTS.admin);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
  ).toBeVisible();
});

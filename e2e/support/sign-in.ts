import { expect, type Page } from "@playwright/test";

/** Signs in as a person would: the sign-in page, the two fields, the button; waits to leave it. */
export async function signInThroughUi(
  page: Page,
  account: { username: string; password: string },
): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("User name").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.locator(".user-name")).toHaveText(new RegExp(account.username));
}

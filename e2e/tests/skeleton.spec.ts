import { expect, test } from "@playwright/test";

test("the console opens on its sign-in page and reports the server ready", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(/Server ready/)).toBeVisible();
});

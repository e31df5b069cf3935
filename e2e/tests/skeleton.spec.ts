import { expect, test } from "@playwright/test";

test("the console page loads and reports its backend ready", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "PCA Console" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/Backend ready/);
  await page.screenshot({ path: "artifacts/screenshots/skeleton.png", fullPage: true });
});

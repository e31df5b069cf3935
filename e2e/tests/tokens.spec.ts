import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";

test.use({ storageState: storageStatePath("admin") });

test("an admin creates a token, its secret is shown once and works as a Bearer token; revoked, the same call gets 401", async ({
  page,
}) => {
  const name = `e2e-script-${Date.now()}`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New token" }).click();
  const form = page.getByRole("dialog", { name: "New API token" });
  await expect(form.getByLabel("Name")).toBeFocused();
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: /^Viewer/ }).check();
  await expect(form.getByText("It will expire on")).toBeVisible();
  await form.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByRole("dialog", { name: "Your new API token" });
  await expect(shown.getByText("You will not see this secret again")).toBeVisible();
  const field = shown.getByRole("textbox", { name: "Token secret" });
  await expect(field).toBeFocused();
  const secret = await field.inputValue();
  expect(secret).toMatch(/^pca_[A-Za-z0-9_-]{20,}$/);
  // Copy puts the very secret on the clipboard.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await shown.getByRole("button", { name: "Copy the token secret" }).click();
  await expect(shown.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  // Escape does not lose it by accident.
  await page.keyboard.press("Escape");
  await expect(shown).toBeVisible();

  // The secret works as a Bearer token (it wins over the page's session cookie).
  const bearer = { Authorization: `Bearer ${secret}` };
  const before = await page.request.get("/api/cas", { headers: bearer });
  expect(before.status()).toBe(200);

  await shown.getByRole("button", { name: "I have stored it" }).click();
  await expect(shown).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `API token “${name}” created.` })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Viewer");
  await expect(row).toContainText("admin");
  await expect(row).toContainText("Active");
  // It has been used once, just now.
  await expect(row.getByText("Never")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: `Revoke token ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke this API token?" });
  await expect(confirm).toContainText("every request with it gets 401");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  expect((await page.request.get("/api/cas", { headers: bearer })).status()).toBe(200);

  await row.getByRole("button", { name: `Revoke token ${name}` }).click();
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const after = await page.request.get("/api/cas", { headers: bearer });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: "TOKEN_REVOKED" } });
  // The admin's own session is untouched by it.
  expect((await page.request.get("/api/cas")).status()).toBe(200);
});

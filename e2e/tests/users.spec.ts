import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { currentCsrf } from "../support/api";
import { countPointerPresses, tabTo } from "../support/keyboard";
import { signInThroughUi } from "../support/sign-in";

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("an admin creates a user with the keyboard only; they sign in in a fresh browser; disabling them signs them out", async ({
    page,
    browser,
  }) => {
    const newcomer = { username: `e2e-carol-${Date.now()}`, password: "carol-initial-password-01" };
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Console users" })).toContainText("admin");
    const pointerPresses = await countPointerPresses(page);

    await tabTo(page, page.getByRole("button", { name: "New user" }));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New user" });
    // The dialog opens on the name field, with the password rules already in view.
    await expect(dialog.getByLabel("User name")).toBeFocused();
    await expect(dialog.getByText("be 12 to 256 characters long (spaces count)")).toBeVisible();
    await page.keyboard.type(newcomer.username);
    await tabTo(page, dialog.getByRole("radio", { name: /^Viewer/ }));
    await page.keyboard.press("ArrowDown");
    await expect(dialog.getByRole("radio", { name: /^Issuer/ })).toBeChecked();
    await tabTo(page, dialog.getByLabel("Initial password"));
    await page.keyboard.type(newcomer.password);
    await page.keyboard.press("Tab");
    await page.keyboard.type(newcomer.password);
    await page.keyboard.press("Enter");

    await expect(dialog).toHaveCount(0);
    await expect(
      page.getByRole("status").filter({ hasText: `User ${newcomer.username} created` }),
    ).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: newcomer.username });
    await expect(row).toContainText("Issuer");
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("Never");
    expect(await pointerPresses()).toBe(0);

    // The new user signs in in a browser of their own and works with the role given.
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await theirs.newPage();
    await signInThroughUi(theirPage, newcomer);
    await expect(theirPage.locator(".role")).toHaveText("Issuer");
    await expect(theirPage).toHaveURL(/\/issue$/);
    await expect(
      theirPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(0);

    // Disabling asks first, then ends their session at once.
    await page.reload();
    await row.getByRole("button", { name: `Disable ${newcomer.username}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Disable ${newcomer.username}?` });
    await expect(confirm).toContainText("their API tokens stop working");
    await confirm.getByRole("button", { name: "Disable user" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText("Disabled");
    await expect(row.getByRole("button", { name: `Enable ${newcomer.username}` })).toBeVisible();

    const after = await theirPage.request.get("/api/session");
    expect(after.status()).toBe(401);
    await theirPage.goto("/certificates");
    await expect(theirPage).toHaveURL(/\/login/);
    await theirs.close();
  });

  test("creating a user whose name is taken shows USER_EXISTS at the name and creates nothing", async ({
    page,
  }) => {
    await page.goto("/users");
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("User name").fill("e2e-viewer");
    await dialog.getByLabel("Initial password").fill("some-long-password-1");
    await dialog.getByLabel("Repeat the password").fill("some-long-password-1");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByText("A user with this name already exists.")).toBeVisible();
    await expect(dialog.getByLabel("User name")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
  });
});

test("an issuer is not offered Users or API tokens; the pages refuse and the API answers 403", async ({
  page,
}) => {
  await page.goto("/issue");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Issue" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "API tokens" })).toHaveCount(0);

  await page.goto("/users");
  await expect(page.getByText("Only administrators can manage users.")).toBeVisible();
  await expect(page.getByRole("button", { name: "New user" })).toHaveCount(0);
  await page.goto("/tokens");
  await expect(page.getByText("Only administrators can manage API tokens.")).toBeVisible();
  await expect(page.getByRole("button", { name: "New token" })).toHaveCount(0);

  const csrf = await currentCsrf(page.request);
  expect((await page.request.get("/api/users")).status()).toBe(403);
  const create = await page.request.post("/api/tokens", {
    headers: { "X-CSRF-Token": csrf },
    data: { name: "sneaky", role: "admin" },
  });
  expect(create.status()).toBe(403);
  expect(await create.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
});

import { expect, test } from "@playwright/test";

test("Chinese and the dark theme are switched from the top bar and remembered after a reload", async ({
  page,
}) => {
  await page.goto("/cas");
  const html = page.locator("html");
  await expect(page.getByRole("heading", { level: 1, name: "Certificate authorities" })).toBeVisible();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(html).toHaveAttribute("lang", "zh-CN");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "签发" })).toBeVisible();
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "深色" }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  expect(luminance(dark), dark).toBeLessThan(0.2);

  await page.reload();
  await expect(html).toHaveAttribute("lang", "zh-CN");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "证书" }),
  ).toBeVisible();
  expect(await background()).toBe(dark);

  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Light" }).click();
  await expect(html).toHaveAttribute("lang", "en");
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(luminance(await background())).toBeGreaterThan(0.8);
});

/** Relative luminance (0 black, 1 white) of a CSS rgb()/rgba() colour, close enough to tell themes apart. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

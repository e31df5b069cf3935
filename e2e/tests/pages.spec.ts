import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "../support/accounts";
import { apiSignIn, caIdWithStatus, issueThroughApi } from "../support/api";
import { expectNoSeriousViolations } from "../support/axe";
import { readFixture } from "../support/fixtures";
import { type TourStop, tour } from "../support/pages";
import { settleAnnouncements } from "../support/settle";

const THEMES = ["light", "dark"] as const;
let stops: readonly TourStop[] = [];

test.beforeAll(async ({ playwright }, info) => {
  // A context of its own, without the project's stored issuer cookie: signing in while carrying a
  // session ends that session (fixation defence), which would sign the issuer out for later tests.
  const request = await playwright.request.newContext({
    baseURL: info.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const csrf = await apiSignIn(request, ACCOUNTS.admin);
  const activeCa = await caIdWithStatus(request, "ACTIVED", "Example Corp Issuing CA G1");
  const certificate = await issueThroughApi(request, csrf, {
    issuer_id: activeCa,
    csr: readFixture("csr/rsa2048-shop.pem"),
  });
  stops = tour({ pendingCa: await caIdWithStatus(request, "PENDING"), activeCa, certificate });
  await request.dispose();
});

for (const theme of THEMES) {
  test(`every page in the ${theme} theme: axe finds nothing serious; screenshots saved`, async ({
    browser,
  }, info) => {
    // One test tours every page (25 stops, each a fresh context, axe and a full-page screenshot):
    // about 2 minutes on a 2-core machine, so the per-test timeout leaves room for a slower one.
    test.setTimeout(300_000);
    for (const stop of stops) {
      await test.step(stop.name, async () => {
        const context = await browser.newContext({
          storageState:
            stop.role === "anonymous" ? { cookies: [], origins: [] } : storageStatePath(stop.role),
          colorScheme: theme,
        });
        await context.addInitScript((t) => localStorage.setItem("pca.theme", t), theme);
        const page = await context.newPage();
        await page.goto(stop.path);
        if (stop.paste) {
          await page
            .getByRole("textbox", { name: "Certificate signing request (CSR)" })
            .fill(readFixture(stop.paste));
        }
        await stop.act?.(page);
        await expect(page.getByText(stop.ready).first()).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await settleAnnouncements(page);
        const summary = await expectNoSeriousViolations(page, `${theme}-${stop.name}`, info);
        info.annotations.push({ type: "axe", description: JSON.stringify(summary) });
        await page.screenshot({ path: `artifacts/screenshots/${theme}/${stop.name}.png`, fullPage: true });
        await context.close();
      });
    }
  });
}

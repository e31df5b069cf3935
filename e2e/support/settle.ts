import type { Page } from "@playwright/test";

/**
 * Waits until the page is still: no request in flight, no busy region, and no react-aria live
 * announcement left in the DOM. A react-aria Button that turns pending (or back) while focused
 * announces itself by `aria-labelledby` its own id, as a role="img" node in the live region that
 * react-aria removes after 7 s; when that button has left the page (the issue form after
 * submitting), the node is an image with no name and axe reports `role-img-alt`. The new page is
 * judged once those announcements are gone, rather than by disabling the rule.
 */
export async function settleAnnouncements(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () =>
      document.querySelector('[aria-busy="true"]') === null &&
      document.querySelector('[data-live-announcer] [role="img"]') === null,
    undefined,
    { timeout: 15_000 },
  );
}

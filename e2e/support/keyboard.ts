import { expect, type Locator, type Page } from "@playwright/test";

/** Presses Tab until the element has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      // Focus that a keyboard user reaches must be visible.
      expect(await target.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} was not reached with ${max} presses of Tab`);
}

/** Counts pointer presses in the page, to prove a flow used none. */
export async function countPointerPresses(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as Window & { __pointerPresses?: number };
    w.__pointerPresses = 0;
    for (const type of ["pointerdown", "mousedown", "click"]) {
      window.addEventListener(
        type,
        (event) => {
          // A keyboard "click" on a button has detail 0; a real mouse click has detail >= 1.
          if (type !== "click" || (event as MouseEvent).detail > 0)
            w.__pointerPresses = (w.__pointerPresses ?? 0) + 1;
        },
        true,
      );
    }
  });
  return () => page.evaluate(() => (window as Window & { __pointerPresses?: number }).__pointerPresses ?? -1);
}

import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";

/** Clicks a download link or button and returns the saved file's name, path and text. */
export async function download(
  page: Page,
  trigger: Locator,
): Promise<{ name: string; path: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, text: readFileSync(path, "utf8") };
}

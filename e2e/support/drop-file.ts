import type { Locator } from "@playwright/test";

/**
 * Drags a file from the desktop onto an element and drops it, through Chromium's own input
 * pipeline (CDP Input.dispatchDragEvent): a DataTransfer built in page script would carry a File
 * without a file-system entry, which react-aria's DropZone rightly skips, so it proves nothing.
 */
export async function dropFile(target: Locator, path: string): Promise<void> {
  const page = target.page();
  const box = await target.boundingBox();
  if (!box) throw new Error("the drop target is not visible");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [path], dragOperationsMask: 1 };
  try {
    for (const type of ["dragEnter", "dragOver", "drop"] as const) {
      await cdp.send("Input.dispatchDragEvent", { type, x, y, data });
    }
  } finally {
    await cdp.detach();
  }
}

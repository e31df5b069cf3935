import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/axe";
import { readFixture } from "../support/fixtures";
import { IssuePage } from "../support/issue-page";
import { countPointerPresses, tabTo } from "../support/keyboard";
import { settleAnnouncements } from "../support/settle";

test("a certificate is issued with the keyboard only (Tab, Enter, Space, arrows)", async ({ page }, info) => {
  const issue = new IssuePage(page);
  await issue.open();
  const pointerPresses = await countPointerPresses(page);

  await tabTo(page, issue.csr);
  // What a paste does: the text arrives at once in the focused field.
  await page.keyboard.insertText(readFixture("csr/ec-p256-mail-tls.pem"));
  await expect(issue.previewValue("Subject")).toHaveText("CN=mail.example.com,O=Example Mail");

  const issuer = page.getByRole("button", { name: /Issuing CA/ });
  await tabTo(page, issuer);
  await page.keyboard.press("Enter");
  const first = page.getByRole("option", { name: /Example Corp Issuing CA G1/ });
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(issuer).toContainText("Example Corp Issuing CA G1");
  await expect(issuer).toBeFocused();

  // Type: End entity stays; the validity unit moves from years to days with an arrow key.
  await tabTo(page, page.getByRole("radio", { name: "End entity" }));
  await tabTo(page, page.getByRole("radio", { name: "years" }));
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "days" })).toBeChecked();
  await tabTo(page, page.getByRole("spinbutton", { name: "Value" }));
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("spinbutton", { name: "Value" })).toHaveValue("2");

  await tabTo(page, issue.submit);
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/certificates\/[^/?]+\?issued=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Certificate issued." })).toBeVisible();
  expect(await pointerPresses()).toBe(0);

  // After the busy submit button and a change of page, the new page is judged by axe once
  // react-aria's announcements have gone (see settleAnnouncements).
  await settleAnnouncements(page);
  await expectNoSeriousViolations(page, "after-keyboard-issuance", info);
});

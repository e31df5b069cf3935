import { expect, test } from "@playwright/test";
import { readFixture } from "../support/fixtures";
import { IssuePage } from "../support/issue-page";
import { isIssuance, recordRequests } from "../support/requests";

test("a CSR whose signature does not verify is refused before anything is sent", async ({ page }) => {
  const sent = recordRequests(page, isIssuance);
  const issue = new IssuePage(page);
  await issue.open();
  await issue.csr.fill(readFixture("bad/bad-signature-p256.pem"));
  await expect(issue.previewValue("Subject")).toHaveText("CN=flipped-ec.example.net,O=Example Shop Inc.");
  await expect(issue.preview.getByText("✗ Signature INVALID")).toBeVisible();
  await issue.chooseIssuer("Example Corp Issuing CA G1");
  await issue.submit.click();
  await expect(page.getByText("Fix the fields marked above.")).toBeVisible();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: /signature/i })
      .first(),
  ).toBeVisible();
  expect(sent).toHaveLength(0);
});

test("an unreadable CSR shows its code in the preview and is not sent", async ({ page }) => {
  const sent = recordRequests(page, isIssuance);
  const issue = new IssuePage(page);
  await issue.open();
  await issue.csr.fill(readFixture("bad/private-key-pkcs8.pem"));
  await expect(issue.preview.getByRole("alert")).toContainText("CSR_PRIVATE_KEY");
  await issue.submit.click();
  await expect(page.getByText("Fix the fields marked above.")).toBeVisible();
  expect(sent).toHaveLength(0);
});

test("an over-long validity is refused with CCM's limit while typing, and not sent", async ({ page }) => {
  const sent = recordRequests(page, isIssuance);
  const issue = new IssuePage(page);
  await issue.open();
  await issue.csr.fill(readFixture("csr/ec-p256-mail-tls.pem"));
  await issue.chooseIssuer("Example Corp Issuing CA G1");
  const value = page.getByRole("spinbutton", { name: "Value" });
  await value.fill("99");
  const limit = page.locator(".validity-result").getByRole("alert");
  await expect(limit).toHaveText(/^Enter 1 to \d+ years: CCM accepts at most \d+ years for this type\.$/);
  await expect(page.locator(".validity-result").getByText("Not after")).toHaveCount(0);
  await issue.submit.click();
  await expect(page.getByText("Fix the fields marked above.")).toBeVisible();
  expect(sent).toHaveLength(0);

  // Within the limit again, the window is shown at once, in local time and UTC.
  await value.fill("2");
  await expect(limit).toHaveCount(0);
  await expect(page.locator(".validity-result").getByText("Not after")).toBeVisible();
  await expect(page.locator(".validity-result")).toContainText("UTC");
});

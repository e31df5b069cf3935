import { expect, test } from "@playwright/test";
import { dropFile } from "../support/drop-file";
import { expectedCsr, fixturePath, formsOf, readFixture } from "../support/fixtures";
import { IssuePage } from "../support/issue-page";

const SOURCES = ["csr/ec-p256-mail-tls.pem", "csr/rsa2048-shop.pem", "csr/ed25519-git.pem"] as const;

for (const source of SOURCES) {
  test(`every pasted form of ${source} gives the same preview (subject, fingerprint)`, async ({ page }) => {
    const want = expectedCsr(source);
    const forms = formsOf(source);
    expect(forms.map((f) => f.form).sort()).toEqual([
      "bare-base64",
      "bare-base64-oneline",
      "crlf",
      "json-escaped-crlf",
      "json-escaped-lf",
      "lf",
      "padded-whitespace",
    ]);
    const issue = new IssuePage(page);
    await issue.open();
    for (const form of forms) {
      await test.step(form.form, async () => {
        await issue.csr.fill("");
        await expect(issue.preview.getByText("Nothing to preview yet")).toBeVisible();
        await issue.csr.fill(readFixture(form.file));
        expect(await issue.readPreview(), form.file).toEqual({
          subject: want.subject_rfc4514,
          sha256: want.der_sha256,
        });
      });
    }
  });
}

test("a DER file is read from the file picker and from a drop on the drop zone", async ({ page }) => {
  const want = expectedCsr("csr/p256-kiosk.der");
  const issue = new IssuePage(page);
  await issue.open();

  await page.locator('input[type="file"]').setInputFiles(fixturePath("csr/p256-kiosk.der"));
  await expect(page.getByText(/DER file p256-kiosk\.der \(\d+ bytes\) loaded\./)).toBeVisible();
  expect(await issue.readPreview()).toEqual({ subject: want.subject_rfc4514, sha256: want.der_sha256 });
  await expect(issue.previewValue("Input")).toContainText("DER file");

  await page.getByRole("button", { name: "Clear and paste instead" }).click();
  await expect(issue.preview.getByText("Nothing to preview yet")).toBeVisible();

  await dropFile(page.locator(".dropzone"), fixturePath("csr/p256-kiosk.der"));
  await expect(page.getByText(/DER file p256-kiosk\.der \(\d+ bytes\) loaded\./)).toBeVisible();
  expect(await issue.readPreview()).toEqual({ subject: want.subject_rfc4514, sha256: want.der_sha256 });
});

import { expect, test } from "@playwright/test";
import { download } from "../support/downloads";
import { verifyCsr } from "../support/openssl";

test("a PENDING CA's CSR is previewed and downloads as <name>.csr.pem that OpenSSL verifies", async ({
  page,
}) => {
  await page.goto("/cas");
  await page.getByRole("button", { name: /Status/ }).click();
  await page.getByRole("option", { name: "Pending" }).click();
  await expect(page).toHaveURL(/status=PENDING/);
  const row = page.getByRole("row", { name: /Example Corp Partner CA G1/ });
  await expect(row).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await row.getByRole("link", { name: "Example Corp Partner CA G1" }).click();

  const panel = page.getByRole("region", { name: "Certificate signing request" });
  await expect(panel.getByText("✓ Signature valid")).toBeVisible();
  await expect(panel.locator('dt:text-is("Subject") + dd').first()).toContainText(
    "CN=Example Corp Partner CA G1",
  );

  const file = await download(page, panel.getByRole("link", { name: /^Download .+\.csr\.pem$/ }));
  expect(file.name).toBe("Example-Corp-Partner-CA-G1.csr.pem");
  expect(file.text).toMatch(
    /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n?$/,
  );
  expect(file.text).not.toContain("\r");
  expect(verifyCsr(file.path)).toContain("CN=Example Corp Partner CA G1");
});

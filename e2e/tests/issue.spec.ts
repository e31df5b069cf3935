import { expect, test } from "@playwright/test";
import { download } from "../support/downloads";
import { readFixture } from "../support/fixtures";
import { IssuePage } from "../support/issue-page";
import { certificateSubject, openssl } from "../support/openssl";

test("an issuer issues an ENTITY_CERT from a pasted CSR and downloads a real certificate", async ({
  page,
}) => {
  const issue = new IssuePage(page);
  await issue.open();
  await issue.csr.fill(readFixture("csr/ec-p256-mail-tls.pem"));
  await expect(issue.previewValue("Subject")).toHaveText("CN=mail.example.com,O=Example Mail");
  await issue.chooseIssuer("Example Corp Issuing CA G1");
  await expect(page.getByRole("radio", { name: "End entity" })).toBeChecked();
  await expect(page.getByText("Not after")).toBeVisible();

  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/certificates"));
  await issue.submit.click();
  const request = await posted;
  expect(request.headers()["idempotency-key"]).toBeTruthy();
  expect(request.headers()["x-csrf-token"]).toBeTruthy();

  await expect(page).toHaveURL(/\/certificates\/[^/?]+\?issued=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Certificate issued." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "mail.example.com" })).toBeVisible();

  const pem = await download(page, page.getByRole("link", { name: "Download PEM" }));
  expect(pem.name).toBe("mail.example.com.pem");
  expect(pem.text).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  expect(certificateSubject(pem.path)).toBe("subject=CN=mail.example.com,O=Example Mail");
  const text = openssl(["x509", "-in", pem.path, "-noout", "-issuer", "-ext", "subjectAltName"]);
  expect(text).toContain("Example Corp Issuing CA G1");
  expect(text).toContain("DNS:smtp.example.com");

  const chain = await download(page, page.getByRole("link", { name: "Download with chain" }));
  expect(chain.name).toBe("mail.example.com.chain.pem");
  expect(chain.text.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
});

test("a PENDING CA's CSR is signed as an INTERMEDIATE_CA by the root through “Sign with another CA”", async ({
  page,
}) => {
  await page.goto("/cas?status=PENDING");
  await page.getByRole("link", { name: "Example Corp Partner CA G1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Example Corp Partner CA G1" })).toBeVisible();
  await page.getByRole("link", { name: "Sign with another CA…" }).click();

  const issue = new IssuePage(page);
  await expect(page).toHaveURL(/\/issue\?fromCa=.+&type=INTERMEDIATE_CA$/);
  await expect(page.getByText(/The CSR of CA “Example Corp Partner CA G1” is filled in/)).toBeVisible();
  await expect(issue.previewValue("Subject")).toContainText("CN=Example Corp Partner CA G1");
  await expect(page.getByRole("radio", { name: "Intermediate CA" })).toBeChecked();
  // The issuing CA G1 has path length 0: listed, but it cannot sign a CA.
  await page.getByRole("button", { name: /Issuing CA/ }).click();
  await expect(page.getByRole("option", { name: /Example Corp Issuing CA G1/ })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await page.getByRole("option", { name: /Example Corp Root CA G1/ }).click();
  await issue.choose("Path length", "0");
  await issue.submit.click();

  await expect(page).toHaveURL(/\/cas\/[^/?]+\?issued=1$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Intermediate CA certificate issued." }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Example Corp Partner CA G1" })).toBeVisible();
  const chain = await download(page, page.getByRole("link", { name: "Download certificate and chain" }));
  expect(certificateSubject(chain.path)).toContain("CN=Example Corp Partner CA G1");
  const text = openssl(["x509", "-in", chain.path, "-noout", "-issuer", "-ext", "basicConstraints"]);
  expect(text).toContain("Example Corp Root CA G1");
  expect(text).toMatch(/CA:TRUE, pathlen:0/);
});

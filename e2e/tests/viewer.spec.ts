import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { currentCsrf } from "../support/api";
import { readFixture } from "../support/fixtures";

test.use({ storageState: storageStatePath("viewer") });

test("a viewer is not offered issuance, /issue refuses, and the API answers 403", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/cas$/);
  await expect(page.locator(".role")).toHaveText("Viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "CAs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Issue" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  // A PENDING CA: the viewer may export its CSR, but is not offered to sign it.
  await page.goto("/cas?status=PENDING");
  await page.getByRole("link", { name: "Example Corp Partner CA G1" }).click();
  await expect(page.getByRole("link", { name: /^Download .+\.csr\.pem$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign with another CA…" })).toHaveCount(0);

  await page.goto("/issue");
  await expect(page.getByText("Your role can read but not issue certificates.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Certificate signing request (CSR)" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Issue certificate" })).toHaveCount(0);

  // The same session, straight at the API with a valid CSRF token and a valid body: 403.
  const cas = await page.request.get("/api/cas?status=ACTIVED");
  const list = (await cas.json()) as { certificate_authorities: { ca_id: string }[] };
  const issuer = list.certificate_authorities[0]?.ca_id ?? "";
  const answer = await page.request.post("/api/certificates", {
    headers: { "X-CSRF-Token": await currentCsrf(page.request), "Idempotency-Key": `viewer-${Date.now()}` },
    data: {
      issuer_id: issuer,
      csr: readFixture("csr/ec-p256-mail-tls.pem"),
      validity: { type: "DAY", value: 1 },
      type: "ENTITY_CERT",
    },
  });
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
});

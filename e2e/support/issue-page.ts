import { expect, type Locator, type Page } from "@playwright/test";

/** The /issue page as a person sees it: the CSR field, the live preview, the pickers, the button. */
export class IssuePage {
  readonly csr: Locator;
  readonly preview: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.csr = page.getByRole("textbox", { name: "Certificate signing request (CSR)" });
    this.preview = page.getByRole("region", { name: "Preview" });
    this.submit = page.getByRole("button", { name: "Issue certificate" });
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/issue${query}`);
    await expect(this.page.getByRole("heading", { name: "Issue a certificate" })).toBeVisible();
  }

  /** The value of one row of the preview's key/value lists, e.g. "Subject". */
  previewValue(term: string): Locator {
    return this.preview.locator(`dt:text-is("${term}") + dd`).first();
  }

  /** Waits for a decoded preview and returns what identifies the CSR: subject and DER SHA-256. */
  async readPreview(): Promise<{ subject: string; sha256: string }> {
    await expect(this.preview.getByText("Proof of possession")).toBeVisible();
    await expect(this.preview).toHaveAttribute("aria-busy", "false");
    const subject = (await this.previewValue("Subject").textContent()) ?? "";
    const sha256 = (await this.previewValue("SHA-256").locator("code").textContent()) ?? "";
    return { subject: subject.trim(), sha256: sha256.replaceAll(":", "").toLowerCase() };
  }

  /** Opens a react-aria picker by its label and chooses the option whose name matches. */
  async choose(label: string, option: RegExp | string): Promise<void> {
    await this.page.getByRole("button", { name: new RegExp(label) }).click();
    await this.page.getByRole("option", { name: option }).click();
  }

  async chooseIssuer(name: string): Promise<void> {
    await this.choose("Issuing CA", new RegExp(name));
  }
}

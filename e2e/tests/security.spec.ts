import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { collectCspViolations } from "../support/csp";
import { readFixture } from "../support/fixtures";
import { IssuePage } from "../support/issue-page";

test.use({ storageState: { cookies: [], origins: [] } });

const sessionCookie = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name === "pca_session");

async function signIn(page: Page, account: { username: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("User name").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  const answer = page.waitForResponse(
    (r) => r.url().endsWith("/api/session") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  await expect(page).not.toHaveURL(/\/login/);
  return response;
}

test("session cookie flags, a new session id at every sign-in, an enforced CSP and the security headers", async ({
  page,
  playwright,
  baseURL,
}) => {
  const sessionAnswers = async (id: string) => {
    const probe = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const status = (await probe.get("/api/session", { headers: { Cookie: `pca_session=${id}` } })).status();
    await probe.dispose();
    return status;
  };
  const violations = await collectCspViolations(page);
  const landing = await page.goto("/login");
  const headers = landing?.headers() ?? {};

  // Headers on the document.
  const csp = headers["content-security-policy"] ?? "";
  const directive = (name: string) =>
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? "";
  expect(directive("script-src")).toBe("script-src 'self'");
  expect(directive("style-src")).toBe("style-src 'self'");
  expect(directive("object-src")).toBe("object-src 'none'");
  expect(directive("base-uri")).toBe("base-uri 'none'");
  expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");

  // An attacker plants a session id before the victim signs in (fixation).
  const planted = "attacker-chosen-session-id-0000000000";
  await page.context().addCookies([{ name: "pca_session", value: planted, url: baseURL ?? "" }]);
  const login = await signIn(page, ACCOUNTS.viewer);
  const setCookie = (await login.headerValue("set-cookie")) ?? "";
  expect(setCookie).toMatch(/^pca_session=[A-Za-z0-9_-]{32,}/);
  expect(setCookie).toContain("HttpOnly");
  expect(setCookie).toContain("SameSite=Strict");
  expect(setCookie).toContain("Path=/");
  expect((await login.allHeaders())["cache-control"]).toBe("no-store");
  const first = await sessionCookie(page);
  expect(first).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  expect(first?.value).not.toBe(planted);
  expect(await page.evaluate(() => document.cookie)).not.toContain("pca_session");

  // Signing in while a valid session is held (the console redirects a signed-in user away from its
  // sign-in page, so this one goes straight to the API from the same browser): a new id is issued
  // and the old one is ended on the server.
  if (!first) throw new Error("no session cookie after signing in");
  const again = await page.request.post("/api/session", { data: ACCOUNTS.issuer });
  expect(again.status()).toBe(200);
  const second = await sessionCookie(page);
  expect(second?.value).toBeTruthy();
  expect(second?.value).not.toBe(first.value);
  expect(await sessionAnswers(first.value)).toBe(401);
  expect(await sessionAnswers(planted)).toBe(401);
  expect(await sessionAnswers(second?.value ?? "")).toBe(200);

  // A normal flow under the CSP: the PKI chunk, the preview, pickers, themes, other pages.
  const issue = new IssuePage(page);
  await issue.open();
  await issue.csr.fill(readFixture("csr/rsa2048-shop.pem"));
  await expect(issue.previewValue("Subject")).toContainText("CN=shop.example.com");
  await issue.chooseIssuer("Example Corp Issuing CA G1");
  await page.getByRole("button", { name: "Dark" }).click();
  await page.getByRole("button", { name: "中文" }).click();
  // The Chinese strings arrive as their own chunk: wait for the switch before using its labels.
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("navigation").getByRole("link", { name: "CA", exact: true }).click();
  await expect(page.getByRole("link", { name: "Example Corp Root CA G1" })).toBeVisible();
  await page.reload();
  await page.getByRole("link", { name: "Example Corp Root CA G1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Example Corp Root CA G1" })).toBeVisible();
  expect(violations, "CSP violations during a normal flow").toEqual([]);

  // The CSP is enforced: an injected inline script and an inline handler do not run, eval is refused.
  const outcome = await page.evaluate(async () => {
    const w = window as Window & { __inline?: boolean; __handler?: boolean };
    const script = document.createElement("script");
    script.textContent = "window.__inline = true";
    document.body.append(script);
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__handler = true");
    img.src = "data:,not-an-image";
    document.body.append(img);
    await new Promise((resolve) => setTimeout(resolve, 300));
    let evalRan = false;
    try {
      evalRan = new Function("return true")() === true;
    } catch {
      evalRan = false;
    }
    return { inline: w.__inline === true, handler: w.__handler === true, evalRan };
  });
  expect(outcome).toEqual({ inline: false, handler: false, evalRan: false });
  await expect
    .poll(() => violations.map((v) => v.directive).sort())
    .toEqual(["script-src", "script-src-attr", "script-src-elem"]);

  // Signing out ends the session on the server, not only in the browser.
  const last = await sessionCookie(page);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await sessionAnswers(last?.value ?? "")).toBe(401);

  // Framing is refused: another origin's page cannot show the console in a frame.
  const framer = await page.context().newPage();
  await framer.goto("about:blank");
  await framer.setContent(`<iframe title="console" src="${baseURL}/login"></iframe>`);
  // Chromium replaces a frame refused by frame-ancestors with its error page.
  await expect.poll(() => framer.frames().map((f) => f.url())).toContain("chrome-error://chromewebdata/");
  await expect(framer.frameLocator("iframe").getByRole("heading", { name: "Sign in" })).toHaveCount(0);
  await framer.close();
});

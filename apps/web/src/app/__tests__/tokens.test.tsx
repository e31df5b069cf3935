import type { ApiToken, CreateApiTokenRequest } from "@pca/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiToken, NOW, session } from "../../testing/data";
import { apiError, createMockApi, type MockHandler } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

const SECRET = "pca_ThisIsTheOneAndOnlyCopyOfTheSecret_0123456789ab";
const DAY = 86_400_000;

/** An in-memory token store behind the mock API; the secret is only ever in the POST answer. */
function tokensApi(initial: ApiToken[], overrides: { revoke?: MockHandler } = {}) {
  const tokens = [...initial];
  return createMockApi({
    "GET /api/session": () => ({ body: session("admin", "root") }),
    "GET /api/tokens": () => ({ body: { tokens } }),
    "POST /api/tokens": ({ body }) => {
      const request = body as CreateApiTokenRequest;
      const token = apiToken("newtoken01", {
        name: request.name,
        role: request.role,
        createdAt: NOW,
        expiresAt: request.expiresInDays === undefined ? null : NOW + request.expiresInDays * DAY,
      });
      tokens.unshift(token);
      return { status: 201, body: { token, secret: SECRET } };
    },
    "DELETE /api/tokens/:tokenId": (request) => {
      if (overrides.revoke) return overrides.revoke(request);
      const index = tokens.findIndex((t) => t.id === request.params.tokenId);
      const found = tokens[index];
      if (!found) return apiError(404, "TOKEN_NOT_FOUND", "There is no such API token.");
      tokens[index] = { ...found, revokedAt: NOW };
      return { status: 204 };
    },
  });
}

const existing = () => [
  // The page judges expiry by the real clock, so this one expires well after it.
  apiToken("ciexport01", {
    name: "ci-export",
    role: "issuer",
    lastUsedAt: NOW - 3_600_000,
    expiresAt: Date.now() + 85 * DAY,
  }),
  apiToken("oldbot0001", { name: "old-bot", revokedAt: NOW - DAY, expiresAt: null }),
];

/** Everything the page shows or holds in a form field, to prove a secret is not there. */
const pageText = () =>
  document.body.textContent +
  [...document.querySelectorAll("input, textarea")].map((el) => (el as HTMLInputElement).value).join(" ");

describe("/tokens", () => {
  it("When an admin opens it, Then tokens show with role, owner, times and status, revoked ones without Revoke", async () => {
    const api = tokensApi(existing());
    const { router } = await renderApp("/tokens", { fetcher: api.fetcher });
    const user = userEvent.setup();
    const table = await screen.findByRole("table", { name: "API tokens" });
    const [ci, old] = within(table).getAllByRole("row").slice(1) as [HTMLElement, HTMLElement];
    expect(within(ci).getByRole("rowheader").textContent).toContain("ci-export");
    expect(within(ci).getByText("Issuer")).toBeTruthy();
    expect(within(ci).getByText("root")).toBeTruthy();
    expect(within(ci).getByText("Active")).toBeTruthy();
    expect(within(ci).getByRole("button", { name: "Revoke token ci-export" })).toBeTruthy();
    expect(within(old).getByText("Revoked")).toBeTruthy();
    // No expiry, and never used.
    expect(within(old).getAllByText("Never")).toHaveLength(2);
    expect(within(old).queryByRole("button", { name: /Revoke/ })).toBeNull();

    await user.click(screen.getByRole("button", { name: /Status/ }));
    await user.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "Revoked" }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=revoked"));
    await waitFor(() => expect(within(screen.getByRole("table")).queryByText("ci-export")).toBeNull());
  });

  it("When a token is created, Then its secret is shown once with a copy button, and gone for good once the dialog closes", async () => {
    const api = tokensApi(existing());
    await renderApp("/tokens", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "New token" }));
    const form = await screen.findByRole("dialog", { name: "New API token" });
    await user.type(within(form).getByLabelText("Name"), "nightly-report");
    await user.click(within(form).getByRole("button", { name: "Create token" }));

    const dialog = await screen.findByRole("dialog", { name: "Your new API token" });
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "nightly-report",
      role: "viewer",
      expiresInDays: 90,
    });
    expect(within(dialog).getByText("You will not see this secret again")).toBeTruthy();
    const field = within(dialog).getByLabelText("Token secret") as HTMLInputElement;
    expect(field.value).toBe(SECRET);
    expect(field.readOnly).toBe(true);
    // Shown exactly once: one field holds it, and no text repeats it.
    expect(document.body.textContent).not.toContain(SECRET);

    await user.click(within(dialog).getByRole("button", { name: "Copy the token secret" }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(dialog).getByText("Copied")).toBeTruthy();

    // Not dismissed by accident: Escape leaves it open.
    await user.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Your new API token" })).toBeTruthy();

    await user.click(within(dialog).getByRole("button", { name: "I have stored it" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await screen.findByText("API token “nightly-report” created.")).toBeTruthy();
    expect(await within(screen.getByRole("table")).findByText("nightly-report")).toBeTruthy();
    expect(pageText()).not.toContain(SECRET);
    // Opening the form again starts empty; the secret is nowhere to be found again.
    await user.click(screen.getByRole("button", { name: "New token" }));
    await screen.findByRole("dialog", { name: "New API token" });
    expect(pageText()).not.toContain(SECRET);
  });

  it("When the expiry is custom or none, Then the contract's 1-3650 days are enforced and 'no expiry' sends no field", async () => {
    const api = tokensApi([]);
    await renderApp("/tokens", { fetcher: api.fetcher });
    const user = userEvent.setup();
    expect(await screen.findByText("There are no API tokens yet.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "New token" }));
    const form = await screen.findByRole("dialog", { name: "New API token" });
    await user.type(within(form).getByLabelText("Name"), "deploy");
    await user.click(within(form).getByRole("radio", { name: /Admin/ }));
    await user.click(within(form).getByRole("button", { name: /Expires after/ }));
    await user.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "Custom…" }));
    await user.type(within(form).getByLabelText("Days"), "3651");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(await within(form).findByText("Enter a whole number of days from 1 to 3650.")).toBeTruthy();
    expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(0);

    await user.click(within(form).getByRole("button", { name: /Expires after/ }));
    await user.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "No expiry" }));
    expect(within(form).getByText(/stays valid until it is revoked/)).toBeTruthy();
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    await screen.findByRole("dialog", { name: "Your new API token" });
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ name: "deploy", role: "admin" });
  });

  it("When a token is revoked, Then it is asked first; Cancel sends nothing, confirming sends DELETE", async () => {
    const api = tokensApi(existing());
    await renderApp("/tokens", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Revoke token ci-export" }));
    let dialog = await screen.findByRole("alertdialog", { name: "Revoke this API token?" });
    expect(within(dialog).getByText(/every request with it gets 401. This cannot be undone./)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(api.calls.filter((c) => c.method === "DELETE")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Revoke token ci-export" }));
    dialog = await screen.findByRole("alertdialog", { name: "Revoke this API token?" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke token" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(api.calls.find((c) => c.method === "DELETE")?.path).toBe("/api/tokens/ciexport01");
    expect(await screen.findByText(/API token “ci-export” revoked/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Revoke token ci-export" })).toBeNull());
  });

  it("When the token is already gone, Then TOKEN_NOT_FOUND is shown in the dialog with its code", async () => {
    const api = tokensApi(existing(), {
      revoke: () => apiError(404, "TOKEN_NOT_FOUND", "There is no such API token."),
    });
    await renderApp("/tokens", { fetcher: api.fetcher, language: "zh" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "吊销令牌 ci-export" }));
    const dialog = await screen.findByRole("alertdialog", { name: "吊销此 API 令牌？" });
    await user.click(within(dialog).getByRole("button", { name: "吊销令牌" }));
    const alert = await within(dialog).findByRole("alert");
    expect(within(alert).getByText("API 令牌不存在。")).toBeTruthy();
    expect(within(alert).getByText("TOKEN_NOT_FOUND")).toBeTruthy();
  });

  it("When the language is switched on the page, Then its own lazily loaded strings follow", async () => {
    const api = tokensApi(existing());
    await renderApp("/tokens", { fetcher: api.fetcher });
    const user = userEvent.setup();
    expect(await screen.findByRole("heading", { name: "API tokens", level: 1 })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "中文" }));
    expect(await screen.findByRole("heading", { name: "API 令牌", level: 1 })).toBeTruthy();
    expect(screen.getByRole("button", { name: "吊销令牌 ci-export" })).toBeTruthy();
    expect(within(screen.getByRole("table")).getByText("有效")).toBeTruthy();
  });

  it("When a viewer opens it, Then it is refused and nothing is requested", async () => {
    const api = createMockApi({ "GET /api/session": () => ({ body: session("viewer") }) });
    await renderApp("/tokens", { fetcher: api.fetcher });
    expect(await screen.findByText("Only administrators can manage API tokens.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New token" })).toBeNull();
    expect(api.calls.some((c) => c.path.startsWith("/api/tokens"))).toBe(false);
  });
});

import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { cas, session } from "../../testing/data";
import { apiError, createMockApi } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

const casHandler = () => ({ body: { total: 3, certificate_authorities: cas() } });

describe("sign in and the shell", () => {
  it("When signed out, Then a page sends to sign-in, and signing in returns to it", async () => {
    let signedIn = false;
    const api = createMockApi({
      "GET /api/session": () =>
        signedIn ? { body: session("viewer") } : apiError(401, "UNAUTHENTICATED", "no"),
      "POST /api/session": ({ body }) => {
        signedIn = (body as { password: string }).password === "right-password";
        return signedIn ? { body: session("viewer") } : apiError(401, "INVALID_CREDENTIALS", "wrong");
      },
      "GET /api/cas": casHandler,
    });
    const { router } = await renderApp("/cas?status=ACTIVED", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await screen.findByRole("heading", { name: "Sign in" });
    expect(router.state.location.pathname).toBe("/login");

    await user.type(screen.getByLabelText("User name"), "alice");
    await user.type(screen.getByLabelText("Password"), "wrong-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("The user name or password is wrong.")).toBeTruthy();

    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "right-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("heading", { name: "Certificate authorities" });
    expect(router.state.location.pathname + router.state.location.search).toBe("/cas?status=ACTIVED");
  });

  it("When the form is empty, Then the contract's schema refuses it before anything is sent", async () => {
    const api = createMockApi({ "GET /api/session": () => apiError(401, "UNAUTHENTICATED", "no") });
    await renderApp("/login", { fetcher: api.fetcher });
    await userEvent.setup().click(await screen.findByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your password.")).toBeTruthy();
    expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("When a viewer is signed in, Then user and role show and Issue and Audit are not offered", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer", "vera") }),
      "GET /api/cas": casHandler,
    });
    await renderApp("/", { fetcher: api.fetcher });
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Issue" })).toBeNull();
    expect(within(nav).queryByRole("link", { name: "Audit log" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "CAs" })).toBeTruthy();
    expect(screen.getByText("vera")).toBeTruthy();
    expect(screen.getByText("Viewer")).toBeTruthy();
    // The start page of a viewer is the CA list.
    await screen.findByRole("heading", { name: "Certificate authorities" });
  });

  it("When a viewer opens /issue directly, Then the form is not offered", async () => {
    const api = createMockApi({ "GET /api/session": () => ({ body: session("viewer") }) });
    await renderApp("/issue", { fetcher: api.fetcher });
    expect(await screen.findByText("Your role can read but not issue certificates.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Issue certificate" })).toBeNull();
  });

  it("When an admin signs out, Then the session is deleted with the CSRF token and sign-in shows", async () => {
    let signedIn = true;
    const api = createMockApi({
      "GET /api/session": () =>
        signedIn ? { body: session("admin", "root") } : apiError(401, "UNAUTHENTICATED", "no"),
      "DELETE /api/session": () => {
        signedIn = false;
        return { status: 204 };
      },
      "GET /api/cas": casHandler,
    });
    await renderApp("/cas", { fetcher: api.fetcher });
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Audit log" })).toBeTruthy();
    expect(screen.getByText("Admin")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Sign out" }));
    await screen.findByRole("heading", { name: "Sign in" });
    const del = api.calls.find((c) => c.method === "DELETE");
    expect(del?.headers.get("X-CSRF-Token")).toBe("csrf-token-for-tests");
  });

  it("When the language and theme are switched, Then they apply and are remembered", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("issuer") }),
      "GET /api/cas": casHandler,
    });
    await renderApp("/cas", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await screen.findByRole("heading", { name: "Certificate authorities" });
    await user.click(screen.getByRole("button", { name: "中文" }));
    await screen.findByRole("heading", { name: "证书颁发机构" });
    expect(localStorage.getItem("pca.language")).toBe("zh");
    expect(document.documentElement.lang).toBe("zh-CN");
    await user.click(screen.getByRole("button", { name: "深色" }));
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(localStorage.getItem("pca.theme")).toBe("dark");
    await user.click(screen.getByRole("button", { name: "自动" }));
    expect(document.documentElement.hasAttribute("data-theme")).toBe(false);
  });
});

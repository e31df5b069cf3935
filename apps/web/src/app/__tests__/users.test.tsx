import type { UpdateUserRequest, User } from "@pca/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { NOW, session, user } from "../../testing/data";
import { apiError, createMockApi, type MockHandler } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

/** An in-memory user store behind the mock API, so lists reflect the changes the page makes. */
function usersApi(initial: User[], overrides: { patch?: MockHandler; post?: MockHandler } = {}) {
  const users = [...initial];
  return createMockApi({
    "GET /api/session": () => ({ body: session("admin", "root") }),
    "GET /api/users": () => ({ body: { users } }),
    "POST /api/users": (request) => {
      if (overrides.post) return overrides.post(request);
      const body = request.body as { username: string; role: User["role"] };
      const created = user(body.username, body.role, { createdAt: NOW });
      users.push(created);
      return { status: 201, body: created };
    },
    "PATCH /api/users/:username": (request) => {
      if (overrides.patch) return overrides.patch(request);
      const index = users.findIndex((u) => u.username === request.params.username);
      const current = users[index];
      if (!current) return apiError(404, "USER_NOT_FOUND", "There is no such user.");
      const changes = request.body as UpdateUserRequest;
      const next = {
        ...current,
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
      };
      users[index] = next;
      return { body: next };
    },
  });
}

const team = () => [
  user("root", "admin", { lastLoginAt: NOW - 60_000 }),
  user("ivy", "issuer"),
  user("vera", "viewer", { disabled: true, updatedAt: NOW - 3_600_000 }),
];

describe("/users", () => {
  it("When an admin opens it, Then users show with role, state and times, nav offers it, and URL filters apply", async () => {
    const api = usersApi(team());
    const { router } = await renderApp("/users", { fetcher: api.fetcher });
    const user_ = userEvent.setup();
    const table = await screen.findByRole("table", { name: "Console users" });
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Users" })).toBeTruthy();
    expect(within(nav).getByRole("link", { name: "API tokens" })).toBeTruthy();

    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "root (you)",
      "ivy",
      "vera",
    ]);
    const vera = rows[2] as HTMLElement;
    expect(within(vera).getByText("Viewer")).toBeTruthy();
    expect(within(vera).getByText("Disabled")).toBeTruthy();
    expect(within(vera).getByText("Never")).toBeTruthy();
    // A user changed since creation shows when; one never changed does not.
    expect(within(vera).getByText("Changed")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByText("Changed")).toBeNull();
    expect(within(vera).getByRole("button", { name: "Enable vera" })).toBeTruthy();
    // The only enabled admin cannot be disabled; the row says why.
    expect(within(rows[0] as HTMLElement).queryByRole("button", { name: "Disable root" })).toBeNull();
    expect(within(rows[0] as HTMLElement).getByText("Last enabled admin")).toBeTruthy();

    await user_.click(screen.getByRole("button", { name: /State/ }));
    await user_.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "Disabled" }));
    await waitFor(() => expect(router.state.location.search).toBe("?state=disabled"));
    await waitFor(() => expect(within(screen.getByRole("table")).queryByText("ivy")).toBeNull());
    expect(within(screen.getByRole("table")).getByText("vera")).toBeTruthy();
  });

  it("When an admin creates a user, Then the password rules show before submit and nothing is sent until they are met", async () => {
    const api = usersApi(team());
    await renderApp("/users", { fetcher: api.fetcher });
    const user_ = userEvent.setup();
    await user_.click(await screen.findByRole("button", { name: "New user" }));
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    // The rules are on screen before anything is typed.
    expect(within(dialog).getByText(/be 12 to 256 characters long/)).toBeTruthy();
    expect(within(dialog).getByText(/be repeated exactly/)).toBeTruthy();

    await user_.type(within(dialog).getByLabelText("User name"), "carol");
    await user_.click(within(dialog).getByRole("radio", { name: /Issuer/ }));
    await user_.type(within(dialog).getByLabelText("Initial password"), "short");
    await user_.type(within(dialog).getByLabelText("Repeat the password"), "short");
    await user_.click(within(dialog).getByRole("button", { name: "Create user" }));
    expect(await within(dialog).findByText("A password is 12 to 256 characters long.")).toBeTruthy();

    await user_.clear(within(dialog).getByLabelText("Initial password"));
    await user_.type(within(dialog).getByLabelText("Initial password"), "carol-initial-pass");
    await user_.click(within(dialog).getByRole("button", { name: "Create user" }));
    expect(await within(dialog).findByText("The two entries differ.")).toBeTruthy();
    expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(0);

    await user_.clear(within(dialog).getByLabelText("Repeat the password"));
    await user_.type(within(dialog).getByLabelText("Repeat the password"), "carol-initial-pass");
    expect(
      within(dialog)
        .getByText(/be repeated exactly/)
        .closest("li")?.className,
    ).toContain("rule-met");
    await user_.click(within(dialog).getByRole("button", { name: "Create user" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const post = api.calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ username: "carol", password: "carol-initial-pass", role: "issuer" });
    expect(await screen.findByText(/User carol created as Issuer/)).toBeTruthy();
    expect(await within(screen.getByRole("table")).findByText("carol")).toBeTruthy();
  });

  it("When the name is taken, Then USER_EXISTS is shown at the name field in the chosen language", async () => {
    const api = usersApi(team(), {
      post: () => apiError(409, "USER_EXISTS", "A user named ivy already exists."),
    });
    await renderApp("/users", { fetcher: api.fetcher, language: "zh" });
    const user_ = userEvent.setup();
    await user_.click(await screen.findByRole("button", { name: "新建用户" }));
    const dialog = await screen.findByRole("dialog", { name: "新建用户" });
    await user_.type(within(dialog).getByLabelText("用户名"), "ivy");
    await user_.type(within(dialog).getByLabelText("初始密码"), "ivy-second-password");
    await user_.type(within(dialog).getByLabelText("再次输入密码"), "ivy-second-password");
    await user_.click(within(dialog).getByRole("button", { name: "创建用户" }));
    expect(await within(dialog).findByText("同名用户已存在。")).toBeTruthy();
    expect(within(dialog).getByLabelText("用户名").getAttribute("aria-invalid")).toBe("true");
  });

  it("When an admin disables a user, Then it is asked first; Cancel sends nothing, confirming sends disabled: true", async () => {
    const api = usersApi(team());
    await renderApp("/users", { fetcher: api.fetcher });
    const user_ = userEvent.setup();
    await user_.click(await screen.findByRole("button", { name: "Disable ivy" }));
    let dialog = await screen.findByRole("alertdialog", { name: "Disable ivy?" });
    expect(within(dialog).getByText(/their API tokens stop working/)).toBeTruthy();
    // The dialog has the focus, so an Enter out of habit does nothing; Cancel is the first stop.
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    await user_.keyboard("{Enter}");
    expect(screen.getByRole("alertdialog")).toBeTruthy();
    await user_.tab();
    expect(document.activeElement?.textContent).toBe("Cancel");
    await user_.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(api.calls.filter((c) => c.method === "PATCH")).toHaveLength(0);

    await user_.click(screen.getByRole("button", { name: "Disable ivy" }));
    dialog = await screen.findByRole("alertdialog", { name: "Disable ivy?" });
    await user_.click(within(dialog).getByRole("button", { name: "Disable user" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    const patch = api.calls.find((c) => c.method === "PATCH");
    expect(patch?.path).toBe("/api/users/ivy");
    expect(patch?.body).toEqual({ disabled: true });
    expect(await screen.findByText(/ivy is disabled/)).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Enable ivy" })).toBeTruthy();
  });

  it("When a role change would leave no admin, Then the API's FORBIDDEN is explained with its code", async () => {
    const admins = [user("root", "admin"), user("second", "admin"), user("ivy", "issuer")];
    const api = usersApi(admins, {
      patch: () => apiError(403, "FORBIDDEN", "The console needs at least one enabled admin."),
    });
    await renderApp("/users", { fetcher: api.fetcher });
    const user_ = userEvent.setup();
    await user_.click(await screen.findByRole("button", { name: "Change role of second" }));
    const dialog = await screen.findByRole("dialog", { name: "Change the role of second" });
    const submit = within(dialog).getByRole("button", { name: "Change role" });
    // The current role is chosen, so there is nothing to send yet.
    expect(submit.hasAttribute("disabled")).toBe(true);
    await user_.click(within(dialog).getByRole("radio", { name: /Viewer/ }));
    expect(within(dialog).getByText("This takes rights away at once")).toBeTruthy();
    await user_.click(submit);
    const alert = await within(dialog).findByRole("alert");
    expect(within(alert).getByText(/at least one enabled admin: the last one/)).toBeTruthy();
    expect(within(alert).getByText("FORBIDDEN")).toBeTruthy();
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({ role: "viewer" });
  });

  it("When a password is reset, Then the user's sessions ending is said first and only the password is sent", async () => {
    const api = usersApi(team());
    await renderApp("/users", { fetcher: api.fetcher });
    const user_ = userEvent.setup();
    await user_.click(await screen.findByRole("button", { name: "Reset password of ivy" }));
    const dialog = await screen.findByRole("dialog", { name: "Reset the password of ivy" });
    expect(within(dialog).getByText(/ivy is signed out everywhere/)).toBeTruthy();
    await user_.type(within(dialog).getByLabelText("New password"), "a-brand-new-password");
    await user_.type(within(dialog).getByLabelText("Repeat the password"), "a-brand-new-password");
    await user_.click(within(dialog).getByRole("button", { name: "Set password" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({ password: "a-brand-new-password" });
  });

  it("When an issuer opens it, Then it is refused, nothing is requested and the nav does not offer it", async () => {
    const api = createMockApi({ "GET /api/session": () => ({ body: session("issuer") }) });
    await renderApp("/users", { fetcher: api.fetcher });
    expect(await screen.findByText("Only administrators can manage users.")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Users" })).toBeNull();
    expect(within(nav).queryByRole("link", { name: "API tokens" })).toBeNull();
    expect(screen.queryByRole("button", { name: "New user" })).toBeNull();
    expect(api.calls.some((c) => c.path.startsWith("/api/users"))).toBe(false);
  });
});

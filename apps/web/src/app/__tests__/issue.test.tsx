import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { cas, certificateDetail, ids, session } from "../../testing/data";
import { fixtures } from "../../testing/fixtures";
import { apiError, createMockApi, type MockHandler } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

const issued = {
  certificate_id: ids.cert,
  issuer_id: ids.active,
  type: "ENTITY_CERT",
  not_before: 1,
  not_after: 2,
  upstream_request_id: "req-123",
};

function setup(issue: MockHandler) {
  const api = createMockApi({
    "GET /api/session": () => ({ body: session("issuer") }),
    "GET /api/cas": () => ({ body: { total: 3, certificate_authorities: cas() } }),
    "POST /api/certificates": issue,
    "GET /api/certificates/:id": () => ({ body: certificateDetail() }),
  });
  return api;
}

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByLabelText("Certificate signing request (CSR)"));
  await user.paste(fixtures.ecPem());
  await screen.findByText("CN=mail.example.com,O=Example Mail");
  await user.click(screen.getByRole("button", { name: /Issuing CA/ }));
  const listbox = await screen.findByRole("listbox");
  expect(
    within(listbox)
      .getByRole("option", { name: /Pending Sub CA/ })
      .getAttribute("aria-disabled"),
  ).toBe("true");
  await user.click(within(listbox).getByRole("option", { name: /Example Issuing CA/ }));
}

describe("/issue", () => {
  it("When a CSR is pasted, Then it is previewed locally, the limit is stated, and one POST issues it", async () => {
    const api = setup(() => ({ body: issued }));
    const { router } = await renderApp("/issue", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await fillForm(user);
    expect(screen.getByText("✓ Signature valid")).toBeTruthy();
    expect(screen.getByText("mail.example.com")).toBeTruthy();
    // Nothing was sent while previewing.
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);

    const value = screen.getByLabelText("Value");
    await user.clear(value);
    await user.type(value, "21");
    expect(await screen.findByText(/Enter 1 to 20 years/)).toBeTruthy();
    await user.clear(value);
    await user.type(value, "2");
    expect(screen.queryByText(/Enter 1 to 20 years/)).toBeNull();
    expect(screen.getByText("Not after")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Issue certificate" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/certificates/${ids.cert}`));
    const posts = api.calls.filter((c) => c.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get("Idempotency-Key")).toMatch(/^web-[0-9a-f-]{36}$/);
    expect(posts[0]?.headers.get("X-CSRF-Token")).toBe("csrf-token-for-tests");
    expect(posts[0]?.body).toMatchObject({
      issuer_id: ids.active,
      type: "ENTITY_CERT",
      validity: { type: "YEAR", value: 2 },
    });
    expect(posts[0]?.body).toMatchObject({ csr: expect.stringContaining("\r\n") });
    expect(await screen.findByText("Certificate issued.")).toBeTruthy();
    expect(screen.getByText("req-123")).toBeTruthy();
  });

  it("When CCM refuses, Then its code and message show, and a new attempt gets a new key", async () => {
    const api = setup(() =>
      apiError(502, "UPSTREAM_REJECTED", "CCM refused the request.", {
        status: 400,
        error_code: "PCA.10010002",
        error_msg: "The CSR is invalid.",
        request_id: "r-9",
      }),
    );
    await renderApp("/issue", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await fillForm(user);
    await user.click(screen.getByRole("button", { name: "Issue certificate" }));
    expect(await screen.findByText("PCA.10010002")).toBeTruthy();
    expect(screen.getByText("The CSR is invalid.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Issue certificate" }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(2));
    const [first, second] = api.calls
      .filter((c) => c.method === "POST")
      .map((c) => c.headers.get("Idempotency-Key"));
    expect(first).not.toBe(second);
  });

  it("When the request is still in flight, Then the button is busy and a second press sends nothing", async () => {
    const api = setup(() => ({ body: issued, delayMs: 300 }));
    await renderApp("/issue", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await fillForm(user);
    await user.click(screen.getByRole("button", { name: "Issue certificate" }));
    const busy = await screen.findByRole("button", { name: /Issuing/ });
    await user.click(busy);
    await waitFor(() =>
      expect(
        api.calls.filter((c) => c.method === "GET" && c.path.startsWith("/api/certificates/")),
      ).not.toHaveLength(0),
    );
    expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("When the CSR's signature is invalid, Then the badge says so and nothing can be submitted", async () => {
    const api = setup(() => ({ body: issued }));
    await renderApp("/issue", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText("Certificate signing request (CSR)"));
    await user.paste(fixtures.badSignaturePem());
    expect(await screen.findByText("✗ Signature INVALID")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Issue certificate" }));
    expect(await screen.findByText("Fix the fields marked above.")).toBeTruthy();
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("When INTERMEDIATE_CA is chosen, Then the path length appears and is sent", async () => {
    const api = setup(() => ({ body: { ...issued, type: "INTERMEDIATE_CA" } }));
    await renderApp("/issue", { fetcher: api.fetcher });
    const user = userEvent.setup();
    await fillForm(user);
    expect(screen.queryByRole("button", { name: /Path length/ })).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Intermediate CA" }));
    await user.click(await screen.findByRole("button", { name: /Path length/ }));
    // The issuing CA has path length 2: an intermediate below it may have 0 or 1, nothing more.
    const lengths = within(await screen.findByRole("listbox")).getAllByRole("option");
    expect(lengths.map((o) => o.textContent)).toEqual(["0", "1"]);
    await user.click(within(screen.getByRole("listbox")).getByRole("option", { name: "1" }));
    await user.click(screen.getByRole("button", { name: "Issue certificate" }));
    await waitFor(() => expect(api.calls.some((c) => c.method === "POST")).toBe(true));
    expect(api.calls.find((c) => c.method === "POST")?.body).toMatchObject({
      type: "INTERMEDIATE_CA",
      path_length: 1,
    });
  });
});

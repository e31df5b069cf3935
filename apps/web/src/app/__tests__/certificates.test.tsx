import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { certificate, certificateDetail, ids, NOW, session } from "../../testing/data";
import { createMockApi } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

const DAY = 86_400_000;

describe("/certificates", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("When listed, Then CN, SANs, issuer and status show and soon-to-expire rows are highlighted", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/certificates": ({ query }) => ({
        body: {
          total: 42,
          certificates: [
            certificate(),
            certificate({
              certificate_id: ids.certSoon,
              not_after: NOW + 10 * DAY,
              distinguished_name: { common_name: query.name ?? "vpn.example.com" },
              subject_alternative_names: [
                { type: "DNS", value: "a.example.com" },
                { type: "DNS", value: "b.example.com" },
                { type: "DNS", value: "c.example.com" },
                { type: "IP", value: "10.0.0.1" },
              ],
            }),
          ],
        },
      }),
    });
    const { router } = await renderApp("/certificates", { fetcher: api.fetcher });
    const user = userEvent.setup();
    const soon = await screen.findByRole("link", { name: "vpn.example.com" });
    expect(soon.closest("tr")?.className).toBe("row-soon");
    expect(screen.getByRole("link", { name: "shop.example.com" }).closest("tr")?.className).toBe("");
    expect(screen.getByText(/expires in 10 days/)).toBeTruthy();
    expect(screen.getByText(/\+1 more/)).toBeTruthy();
    expect(screen.getByText("1–20 of 42")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(router.state.location.search).toBe("?offset=20&limit=20"));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.path === "/api/certificates").at(-1)?.query).toMatchObject({
        offset: "20",
      }),
    );

    await user.type(screen.getByLabelText("Common name"), "shop{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe("?limit=20&name=shop"));
  });

  it("When a certificate is opened, Then it is decoded and PEM and chain downloads are offered", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/certificates/:id": () => ({ body: certificateDetail() }),
    });
    await renderApp(`/certificates/${ids.cert}`, { fetcher: api.fetcher });
    await screen.findByRole("heading", { name: "shop.example.com" });
    expect(screen.getByRole("link", { name: "Download PEM" }).getAttribute("href")).toBe(
      `/api/certificates/${ids.cert}/pem`,
    );
    expect(screen.getByRole("link", { name: "Download with chain" }).getAttribute("href")).toBe(
      `/api/certificates/${ids.cert}/chain.pem`,
    );
    expect(screen.getByText("CN=Example Issuing CA")).toBeTruthy();
    expect(screen.getAllByText("2026-01-14 12:00:00 UTC").length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "Copy SHA-256" })).toBeTruthy();
  });
});

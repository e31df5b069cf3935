import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { NOW, session } from "../../testing/data";
import { createMockApi } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

const event = (seq: number, action: string, outcome: string) => ({
  seq,
  time: NOW - seq * 1000,
  actor: "alice",
  role: "issuer",
  action,
  target: "44444444-4444-4444-8444-444444444444",
  outcome,
  requestId: `req-${seq}`,
  upstreamRequestId: null,
  details: { note: "x" },
  prevHash: "0".repeat(64),
  hash: "f".repeat(64),
});

describe("/audit", () => {
  it("When an admin opens it, Then events, chain status, URL filters and exports of the same filters show", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("admin") }),
      "GET /api/audit": ({ query }) => ({
        body: {
          total: 2,
          events: [
            event(2, "certificate.issue.failed", "failure"),
            event(1, "certificate.issue.requested", "success"),
          ].filter((e) => !query.outcome || e.outcome === query.outcome),
        },
      }),
      "GET /api/audit/verify": () => ({ body: { ok: true, checked: 2, firstBrokenSeq: null, reason: null } }),
    });
    const { router } = await renderApp("/audit?actor=alice", { fetcher: api.fetcher });
    const user = userEvent.setup();
    expect(await screen.findByText("Hash chain intact (2 events checked)")).toBeTruthy();
    expect(within(await screen.findByRole("table")).getByText("Issuance failed")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(
      "/api/audit.csv?actor=alice",
    );

    await user.click(screen.getByRole("button", { name: /Outcome/ }));
    await user.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "Failure" }));
    await waitFor(() => expect(router.state.location.search).toBe("?actor=alice&outcome=failure"));
    await waitFor(() =>
      expect(screen.getByRole("link", { name: "Export JSON" }).getAttribute("href")).toBe(
        "/api/audit.json?actor=alice&outcome=failure",
      ),
    );
    await waitFor(() =>
      expect(within(screen.getByRole("table")).queryByText("Issuance requested")).toBeNull(),
    );
  });

  it("When the chain is broken, Then the first broken event is named", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("admin") }),
      "GET /api/audit": () => ({ body: { total: 0, events: [] } }),
      "GET /api/audit/verify": () => ({
        body: { ok: false, checked: 9, firstBrokenSeq: 7, reason: "hash mismatch" },
      }),
    });
    await renderApp("/audit", { fetcher: api.fetcher });
    expect(await screen.findByText("Hash chain BROKEN at event #7")).toBeTruthy();
    expect(screen.getByText("No event matches these filters.")).toBeTruthy();
  });

  it("When an issuer opens it, Then nothing is requested and it is not offered", async () => {
    const api = createMockApi({ "GET /api/session": () => ({ body: session("issuer") }) });
    await renderApp("/audit", { fetcher: api.fetcher });
    expect(await screen.findByText("Only administrators can read the audit log.")).toBeTruthy();
    expect(api.calls.some((c) => c.path.startsWith("/api/audit"))).toBe(false);
  });
});

import { decodeCsr, lintCsr, previewCsr, toPem } from "@pca/pki";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ca, cas, certificateDetail, ids, session } from "../../testing/data";
import { fixtures } from "../../testing/fixtures";
import { createMockApi } from "../../testing/mock-api";
import { renderApp } from "../../testing/render-app";

async function pendingCsr() {
  const decoded = decodeCsr(fixtures.intermediatePem());
  if (!decoded.ok) throw new Error("fixture must decode");
  const preview = await previewCsr(decoded.value);
  return {
    ca_id: ids.pending,
    fileName: "Pending Sub CA.csr.pem",
    pem: toPem(decoded.value),
    preview,
    lint: lintCsr(preview),
  };
}

describe("/cas", () => {
  it("When filters and sort change, Then they go to the URL and the server's query", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/cas": ({ query }) => ({
        body: {
          total: 3,
          certificate_authorities: cas().filter((c) => !query.status || c.status === query.status),
        },
      }),
    });
    const { router } = await renderApp("/cas?status=PENDING", { fetcher: api.fetcher });
    const user = userEvent.setup();
    expect(await screen.findByRole("link", { name: "Pending Sub CA" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Example Root CA" })).toBeNull();
    expect(api.calls.filter((c) => c.path === "/api/cas").at(-1)?.query).toMatchObject({
      status: "PENDING",
      limit: "20",
    });

    await user.click(screen.getByRole("button", { name: /Expires/ }));
    await waitFor(() => expect(router.state.location.search).toContain("sort_key=not_after"));
    expect(router.state.location.search).toContain("sort_dir=ASC");
    await waitFor(() =>
      expect(screen.getByRole("columnheader", { name: /Expires/ }).getAttribute("aria-sort")).toBe(
        "ascending",
      ),
    );

    await user.click(screen.getByRole("button", { name: /Status/ }));
    await user.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "All" }));
    await waitFor(() => expect(router.state.location.search).not.toContain("status="));
    expect(await screen.findByRole("link", { name: "Example Root CA" })).toBeTruthy();
  });

  it("When a name is typed, Then the server is asked for CAs whose name contains it, and clearing it asks for all", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/cas": ({ query }) => {
        const shown = cas().filter(
          (c) => !query.name || (c.distinguished_name?.common_name ?? "").includes(String(query.name)),
        );
        return { body: { total: shown.length, certificate_authorities: shown } };
      },
    });
    const { router } = await renderApp("/cas", { fetcher: api.fetcher });
    const user = userEvent.setup();
    expect(await screen.findByRole("link", { name: "Example Root CA" })).toBeTruthy();
    await user.type(screen.getByRole("searchbox", { name: "Name" }), "Pending{Enter}");
    await waitFor(() => expect(router.state.location.search).toContain("name=Pending"));
    expect(api.calls.filter((c) => c.path === "/api/cas").at(-1)?.query).toMatchObject({ name: "Pending" });
    expect(await screen.findByRole("link", { name: "Pending Sub CA" })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("link", { name: "Example Root CA" })).toBeNull());
    await user.clear(screen.getByRole("searchbox", { name: "Name" }));
    await waitFor(() => expect(router.state.location.search).not.toContain("name="));
    expect(await screen.findByRole("link", { name: "Example Root CA" })).toBeTruthy();
  });

  it("When there is no CA, Then an empty state says so; on failure, the error and a retry show", async () => {
    let fail = true;
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/cas": () =>
        fail
          ? { status: 503, body: { error: { code: "UPSTREAM_UNREACHABLE", message: "down" } } }
          : { body: { total: 0, certificate_authorities: [] } },
    });
    await renderApp("/cas", { fetcher: api.fetcher });
    expect(await screen.findByText("CCM could not be reached.")).toBeTruthy();
    fail = false;
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("There are no CAs yet.")).toBeTruthy();
  });

  it("When a PENDING CA is opened, Then its CSR is previewed, downloadable, and can go to the issue form", async () => {
    const csr = await pendingCsr();
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("issuer") }),
      "GET /api/cas": () => ({ body: { total: 3, certificate_authorities: cas() } }),
      "GET /api/cas/:caId": () => ({ body: cas()[2] }),
      "GET /api/cas/:caId/csr": () => ({ body: csr }),
    });
    const { router } = await renderApp(`/cas/${ids.pending}`, { fetcher: api.fetcher });
    const user = userEvent.setup();
    await screen.findByRole("heading", { name: "Pending Sub CA" });
    // Every CCM field is listed with its raw name.
    expect(screen.getByText("crl_configuration.enabled")).toBeTruthy();
    const download = await screen.findByRole("link", { name: "Download Pending Sub CA.csr.pem" });
    expect(download.getAttribute("href")).toBe(`/api/cas/${ids.pending}/csr.pem`);
    expect(download.getAttribute("download")).toBe("Pending Sub CA.csr.pem");
    expect(screen.getByText("CN=Example Issuing CA G2,OU=PKI,O=Example Org,C=US")).toBeTruthy();

    await user.click(screen.getByRole("link", { name: "Sign with another CA…" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/issue"));
    expect(router.state.location.search).toBe(`?fromCa=${ids.pending}&type=INTERMEDIATE_CA`);
    const field = (await screen.findByLabelText("Certificate signing request (CSR)")) as HTMLTextAreaElement;
    expect(field.value).toBe(csr.pem);
    expect((screen.getByRole("radio", { name: "Intermediate CA" }) as HTMLInputElement).checked).toBe(true);
    expect(await screen.findByRole("button", { name: /Path length/ })).toBeTruthy();
  });

  it("When a viewer opens a PENDING CA, Then signing is not offered", async () => {
    const csr = await pendingCsr();
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/cas/:caId": () => ({ body: cas()[2] }),
      "GET /api/cas/:caId/csr": () => ({ body: csr }),
    });
    await renderApp(`/cas/${ids.pending}`, { fetcher: api.fetcher });
    await screen.findByRole("link", { name: /Download/ });
    expect(screen.queryByRole("link", { name: "Sign with another CA…" })).toBeNull();
  });

  it("When an ACTIVED CA is opened, Then its certificate is decoded and the chain can be downloaded", async () => {
    const detail = certificateDetail();
    const api = createMockApi({
      "GET /api/session": () => ({ body: session("viewer") }),
      "GET /api/cas/:caId": () => ({ body: ca() }),
      "GET /api/cas/:caId/certificate": () => ({
        body: {
          ca_id: ids.active,
          certificate: detail.pem.certificate,
          certificate_chain: detail.pem.certificate_chain,
          preview: detail.preview,
        },
      }),
    });
    await renderApp(`/cas/${ids.active}`, { fetcher: api.fetcher });
    const chain = await screen.findByRole("link", { name: "Download certificate and chain" });
    expect(chain.getAttribute("href")).toBe(`/api/cas/${ids.active}/certificate.pem`);
    expect(screen.getByText("1.3.6.1.4.1.99999.1")).toBeTruthy();
  });

  it("When the id in the URL is not a CCM id, Then nothing is requested", async () => {
    const api = createMockApi({ "GET /api/session": () => ({ body: session("viewer") }) });
    await renderApp("/cas/not-an-id", { fetcher: api.fetcher });
    expect(await screen.findByText("This is not a valid CA id.")).toBeTruthy();
    expect(api.calls.map((c) => c.path)).toEqual(["/api/session"]);
  });
});

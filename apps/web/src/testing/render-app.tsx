import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createRoutes } from "../app/router";
import { setCsrfToken, setFetcher } from "../lib/api-client";
import { initI18n, type Language } from "../lib/i18n";
import { createQueryClient } from "../lib/query-client";

/**
 * Renders the whole app at a path, with the real router, query client and translations, talking
 * to the given fetch (a createMockApi). Returns the router so tests can read the URL.
 */
export async function renderApp(path: string, options: { fetcher: typeof fetch; language?: Language }) {
  setFetcher(options.fetcher);
  setCsrfToken(null);
  await initI18n(options.language ?? "en");
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } });
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [path] });
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}

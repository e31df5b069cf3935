import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, type LoaderFunction, type RouteObject } from "react-router";
import { Loading } from "../components/ui/states";
import { paths } from "../config/paths";
import { loadPageStrings } from "../lib/i18n";
import { adminStrings } from "../locales/admin-strings";
import { AppShell } from "./layout/app-shell";
import { RouteError } from "./layout/route-error";

/** What each page module in routes/ exports: its component and, optionally, a cache-filling loader. */
export interface RouteModule {
  readonly Component: React.ComponentType;
  readonly clientLoader?: (client: QueryClient) => LoaderFunction;
}

/** Loads a page's chunk on first visit and wires its loader to the app's QueryClient. */
const lazyPage = (client: QueryClient, load: () => Promise<RouteModule>) => async () => {
  // Every page parses responses with zod, and zod decides whether it may compile parsers when a
  // schema is built, i.e. when the contracts module is evaluated. Loaded side by side, the page's
  // chunks were sometimes evaluated first and zod's `new Function` probe was reported as a CSP
  // violation (seen in e2e on a fresh load of /cas), so the CSP-safe setting is loaded first.
  await import("../lib/zod-setup");
  const page = await load();
  return page.clientLoader
    ? { Component: page.Component, loader: page.clientLoader(client) }
    : { Component: page.Component };
};

/** An admin page: its chunk and the admin pages' strings, fetched side by side. */
const withAdminStrings = (load: () => Promise<RouteModule>) => async () => {
  const [page] = await Promise.all([load(), loadPageStrings(adminStrings)]);
  return page;
};

/**
 * The SPA's routes. Every page is its own chunk, so the first load carries only the shell;
 * @pca/pki is split further and loaded by the issue page when a CSR is first typed.
 */
export function createRoutes(client: QueryClient): RouteObject[] {
  return [
    {
      path: paths.login.path,
      lazy: lazyPage(client, () => import("./routes/login")),
      errorElement: <RouteError />,
      hydrateFallbackElement: <Loading />,
    },
    {
      path: "/",
      element: <AppShell />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <Loading />,
      children: [
        { index: true, lazy: lazyPage(client, () => import("./routes/home")) },
        { path: paths.issue.path, lazy: lazyPage(client, () => import("./routes/issue")) },
        { path: paths.cas.path, lazy: lazyPage(client, () => import("./routes/cas-list")) },
        { path: paths.ca.path, lazy: lazyPage(client, () => import("./routes/ca-detail")) },
        { path: paths.certificates.path, lazy: lazyPage(client, () => import("./routes/certificates-list")) },
        { path: paths.certificate.path, lazy: lazyPage(client, () => import("./routes/certificate-detail")) },
        { path: paths.audit.path, lazy: lazyPage(client, () => import("./routes/audit")) },
        {
          path: paths.users.path,
          lazy: lazyPage(
            client,
            withAdminStrings(() => import("./routes/users")),
          ),
        },
        {
          path: paths.tokens.path,
          lazy: lazyPage(
            client,
            withAdminStrings(() => import("./routes/tokens")),
          ),
        },
        { path: "*", lazy: lazyPage(client, () => import("./routes/not-found")) },
      ],
    },
  ];
}

export const createAppRouter = (client: QueryClient) => createBrowserRouter(createRoutes(client));

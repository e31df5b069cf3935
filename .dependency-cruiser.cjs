/**
 * The arrows of docs/architecture.md, checked by `pnpm lint` (dependency-cruiser resolves every
 * import to a file, workspace packages included, so a rule speaks of folders, not of specifiers).
 * Biome's noImportCycles keeps the import graph free of cycles; these rules keep its direction.
 *
 * Packages: contracts ← pki ← ccm-emulator, contracts ← ccm-client ← ccm-emulator; the apps use
 * packages and never each other; no package imports an app.
 * BFF: edge (http, routes, resources) → use cases (commands, issuance, auth, audit) → base (core,
 * storage, upstream, observability, config.ts), never back up.
 * Web: app → features → shared (components, lib, config, locales, styles); no feature imports another.
 */

const PKG = "^packages/";
const BFF = "^apps/bff/src/";
const WEB = "^apps/web/src/";
const BFF_EDGE = `${BFF}(http|routes|resources)/`;
const BFF_USE_CASES = `${BFF}(commands|issuance|auth|audit)/`;
const BFF_BASE = `${BFF}(core|storage|upstream|observability)/|${BFF}config\\.ts$`;
/** Test helpers may reach across layers to build an app; production code may not. */
const TESTS = "(\\.test\\.tsx?$|/testing/|/__tests__/)";

/** Which workspace packages each package may import (everything else of ours is forbidden). */
const PACKAGE_ARROWS = {
  contracts: [],
  pki: ["contracts"],
  "ccm-client": ["contracts"],
  "ccm-emulator": ["contracts", "ccm-client", "pki"],
};

module.exports = {
  forbidden: [
    {
      name: "package-imports-app",
      comment: "A package is used by the apps; it never imports one.",
      severity: "error",
      from: { path: PKG },
      to: { path: "^apps/" },
    },
    ...Object.entries(PACKAGE_ARROWS).map(([pkg, allowed]) => ({
      name: `package-arrow-${pkg}`,
      comment: `packages/${pkg} may import ${allowed.length ? allowed.join(", ") : "no other package"} (docs/architecture.md).`,
      severity: "error",
      from: { path: `^packages/${pkg}/` },
      to: {
        path: "^packages/([^/]+)/",
        pathNot: [`^packages/${pkg}/`, ...allowed.map((p) => `^packages/${p}/`)],
      },
    })),
    {
      name: "app-imports-other-app",
      comment: "The BFF and the SPA share code only through packages/.",
      severity: "error",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
    {
      name: "web-imports-server-package",
      comment: "The SPA runs in the browser: contracts and pki only.",
      severity: "error",
      from: { path: "^apps/web/" },
      to: { path: "^packages/(ccm-client|ccm-emulator)/" },
    },
    {
      name: "bff-base-imports-up",
      comment: "core, storage, upstream and observability sit under the use cases and the edge.",
      severity: "error",
      from: { path: BFF_BASE, pathNot: TESTS },
      to: { path: `${BFF_USE_CASES}|${BFF_EDGE}|${BFF}main\\.ts$` },
    },
    {
      name: "bff-use-case-imports-edge",
      comment: "Use cases (commands, issuance, auth, audit) never import the HTTP edge.",
      severity: "error",
      from: { path: BFF_USE_CASES, pathNot: TESTS },
      to: { path: `${BFF_EDGE}|${BFF}main\\.ts$` },
    },
    {
      name: "bff-http-imported-below-edge",
      comment: "http/ is the edge: only the edge, main.ts and tests import it.",
      severity: "error",
      from: { path: BFF, pathNot: [BFF_EDGE, `${BFF}main\\.ts$`, TESTS] },
      to: { path: `${BFF}http/` },
    },
    {
      name: "web-feature-imports-other-feature",
      comment: "Features are composed in app/routes, never in each other.",
      severity: "error",
      from: { path: `${WEB}features/([^/]+)/` },
      to: { path: `${WEB}features/`, pathNot: `${WEB}features/$1/` },
    },
    {
      name: "web-shared-imports-feature-or-app",
      comment: "components/, lib/, config/ and locales/ are shared: they import no feature and not app/.",
      severity: "error",
      from: { path: `${WEB}(components|lib|config|locales|styles)/`, pathNot: TESTS },
      to: { path: `${WEB}(features|app)/` },
    },
    {
      name: "web-feature-imports-app",
      comment: "app/ composes features; a feature never reaches back into app/.",
      severity: "error",
      from: { path: `${WEB}features/`, pathNot: TESTS },
      to: { path: `${WEB}app/` },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|bench/results)/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "node", "default"],
      mainFields: ["module", "main"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

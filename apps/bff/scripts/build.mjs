#!/usr/bin/env node
// Bundles the BFF (and the workspace packages it imports) into dist/main.js, so `pnpm start` runs
// plain JavaScript on Node: no TypeScript loader in the running console (tsx alone costs ~40 MB of
// RSS). Native addons and modules that load files at run time stay external and are resolved from
// apps/bff/node_modules, where they are direct dependencies.
import { build } from "esbuild";

const external = ["better-sqlite3", "@node-rs/argon2", "pg-native"];

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external,
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __pcaCreateRequire } from 'node:module'; const require = __pcaCreateRequire(import.meta.url);",
  },
  conditions: ["node"],
  logLevel: "warning",
  legalComments: "none",
  // Whitespace and syntax only: names stay, so stack traces and CPU profiles still read. With no
  // comments left the bundle is ASCII, which V8 keeps one byte a character (one non-ASCII
  // character in a comment made the 5 MB source a 10 MB two-byte string in the heap).
  minifyWhitespace: true,
  minifySyntax: true,
  charset: "ascii",
});

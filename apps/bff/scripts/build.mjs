#!/usr/bin/env node
// Bundles the BFF (and the workspace packages it imports) into dist/main.js, so `pnpm start` runs
// plain JavaScript on Node: no TypeScript loader in the running console (tsx alone costs ~40 MB of
// RSS). Native addons and modules that load files at run time stay external and are resolved from
// apps/bff/node_modules, where they are direct dependencies.
import { build } from "esbuild";
import { nodeBundleOptions } from "./node-bundle.mjs";

await build(
  nodeBundleOptions({
    entry: "src/main.ts",
    outfile: "dist/main.js",
    external: ["better-sqlite3", "@node-rs/argon2", "pg-native"],
    sourcemap: true,
  }),
);

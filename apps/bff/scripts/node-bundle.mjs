// esbuild options for running a TypeScript entry on plain Node as one ESM file: the console's
// bundle (build.mjs) and the benchmarks' emulator bundle (bench/lib/emulator-process.ts) use them.

/**
 * @param {{ entry: string; outfile: string; external: string[]; sourcemap?: boolean }} options
 * @returns {Record<string, unknown>}
 */
export function nodeBundleOptions({ entry, outfile, external, sourcemap = false }) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    sourcemap,
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
    // character in a comment made the console's 5 MB source a 10 MB two-byte string in the heap).
    minifyWhitespace: true,
    minifySyntax: true,
    charset: "ascii",
  };
}

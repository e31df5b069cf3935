/** See node-bundle.mjs. */
export function nodeBundleOptions(options: {
  entry: string;
  outfile: string;
  external: string[];
  sourcemap?: boolean;
}): Record<string, unknown>;

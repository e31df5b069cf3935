import { nodeCryptoProvider } from "../crypto/node";
import { decodeCsr } from "../decode-csr";
import { lintCsr } from "../lint";
import { previewCsr } from "../preview";
import { toWire } from "../wire";
import { formatPreview, type Lang } from "./format-text";
import { readInput } from "./read-input";

/** Where the command writes and reads; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const USAGE = `usage: csr inspect [--json] [--lang en|zh] <file | ->
       csr wire <file | ->

  inspect  decode a CSR in any form (PEM, JSON-escaped PEM, base64, DER) and print its preview
           and lint findings; --json prints one JSON object
  wire     print the exact string CCM's CreateCertificateByCsr takes, as a JSON string

exit status: 0 understood (even with lint errors), 2 input refused, 1 wrong usage
`;

const EXIT = { ok: 0, usage: 1, refused: 2 } as const;

function parse(args: string[]): { command: string; json: boolean; lang: Lang; file: string } | null {
  const [command, ...rest] = args;
  let json = false;
  let lang: Lang = "en";
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? "";
    if (a === "--json" && command === "inspect") json = true;
    else if (a === "--lang" && command === "inspect") {
      const v = rest[++i];
      if (v !== "en" && v !== "zh") return null;
      lang = v;
    } else if (a === "-" || !a.startsWith("-")) files.push(a);
    else return null;
  }
  const [file] = files;
  if ((command !== "inspect" && command !== "wire") || file === undefined || files.length !== 1) return null;
  return { command, json, lang, file };
}

/**
 * The `csr` command. Returns the exit status: 0 when the CSR was understood (even with lint
 * errors), 2 when the input was refused (with --json, or always for `wire`, the refusal is
 * `{"error":{"code","message"}}` on stdout), 1 on wrong usage or an unreadable file.
 */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const parsed = parse(args);
  if (parsed === null) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  let input: Uint8Array;
  try {
    input = readInput(parsed.file, io.env, io.cwd);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "read error";
    io.stderr(`csr: cannot read ${parsed.file} (${code})\n`);
    return EXIT.usage;
  }
  const jsonErrors = parsed.json || parsed.command === "wire";
  const decoded = decodeCsr(input);
  const refused = (error: { code: string; message: string }): number => {
    if (jsonErrors) io.stdout(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    else io.stderr(`csr: ${error.code}: ${error.message}\n`);
    return EXIT.refused;
  };
  if (!decoded.ok) return refused(decoded.error);
  if (parsed.command === "wire") {
    const wire = toWire(decoded.value);
    if (!wire.ok) return refused(wire.error);
    io.stdout(`${JSON.stringify(wire.value)}\n`);
    return EXIT.ok;
  }
  const preview = await previewCsr(decoded.value, { crypto: nodeCryptoProvider });
  const lint = lintCsr(preview);
  io.stdout(
    parsed.json
      ? `${JSON.stringify({ ...preview, lint }, null, 2)}\n`
      : formatPreview(preview, lint, parsed.lang),
  );
  return EXIT.ok;
}

import { closeSync, openSync, readSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { MAX_INPUT_BYTES } from "../limits";

/**
 * Reads a file (or `-` for stdin) as bytes, at most MAX_INPUT_BYTES + 1 of them: enough for
 * decodeCsr to refuse an oversized input, without ever loading a huge file into memory. Relative
 * paths are resolved against INIT_CWD, the directory `pnpm csr` was run from (pnpm runs the
 * script itself inside packages/pki).
 */
export function readInput(arg: string, env: NodeJS.ProcessEnv, cwd: string): Uint8Array {
  const fd = arg === "-" ? 0 : openSync(isAbsolute(arg) ? arg : resolve(env.INIT_CWD ?? cwd, arg), "r");
  try {
    const buf = new Uint8Array(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, length, buf.length - length, null);
      } catch (cause) {
        // A non-blocking stdin with nothing written yet: wait and read again.
        if ((cause as NodeJS.ErrnoException).code === "EAGAIN") continue;
        throw cause;
      }
      if (n === 0) break;
      length += n;
      if (length === buf.length) break;
    }
    return buf.subarray(0, length);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

#!/usr/bin/env -S node --import tsx
/** Entry of the `csr` command (`pnpm csr ...` from the repository root, or the package's bin). */
import { runCli } from "./cli/run";

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
};
process.exitCode = await runCli(process.argv.slice(2), io);

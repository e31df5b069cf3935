#!/usr/bin/env node
// The package's bin: registers tsx (the workspace runs TypeScript source, no build step) and runs
// src/cli.ts. tsx resolves from the workspace root's devDependencies.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");

#!/usr/bin/env bash
# `npm start` / `pnpm start`: install what is missing, build the SPA, start the console on PORT
# (default 8080) against the built-in CCM emulator, with the first admin login printed once.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bootstrap.sh
ensure_pnpm
if [ ! -d node_modules/.pnpm ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then install_dependencies; fi
say "building the web console"
pnpm --silent --filter @pca/web build >/dev/null
exec pnpm --silent --filter @pca/bff start

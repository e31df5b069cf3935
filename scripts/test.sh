#!/usr/bin/env bash
# `npm test` / `pnpm test`: install everything (pnpm, dependencies, Debian's chromium and
# postgresql) and run every check and test: format + lint, types, unit and HTTP tests (Vitest),
# the production build, and the Playwright end-to-end suite in Chromium. Ends with one summary
# line per runner and a total.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bootstrap.sh
ensure_pnpm
ensure_debian_packages chromium fonts-noto-cjk postgresql
install_dependencies

mkdir -p test-results
status=0
say "format and lint (biome)"
pnpm --silent lint || status=1
say "type check (tsc --noEmit in every package)"
pnpm --silent typecheck || status=1
say "build the web console"
pnpm --silent --filter @pca/web build >/dev/null || status=1
say "unit and HTTP tests (vitest)"
pnpm --silent exec vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
say "end-to-end tests (playwright, Debian chromium)"
pnpm --silent --filter @pca/e2e test || status=1
# Issue 8: a short soak (30 s of mixed reads and issuance at 32 connections against the BFF in its
# own process); it fails the run on any error, an unbalanced audit, a broken chain or RSS growth.
say "soak, short (pnpm bench soak --ci)"
pnpm --silent bench soak --ci || status=1
node scripts/summary.mjs || status=1
exit $status

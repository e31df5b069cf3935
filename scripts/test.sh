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
: > test-results/steps.txt
# Runs one step; a failed step is written down so the summary's total counts it.
step() {
  local name="$1"; shift
  say "$name"
  if ! "$@"; then status=1; echo "$name" >> test-results/steps.txt; fi
}
step "format and lint (biome)" pnpm --silent lint
step "type check (tsc --noEmit in every package)" pnpm --silent typecheck
step "build the web console" pnpm --silent --filter @pca/web build --logLevel warn
step "unit and HTTP tests (vitest)" \
  pnpm --silent exec vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "end-to-end tests (playwright, Debian chromium)" pnpm --silent --filter @pca/e2e test
# A short soak (30 s of mixed reads and issuance at 32 connections against the BFF in its
# own process); it fails the run on any error, an unbalanced audit or a broken chain.
step "soak, short (pnpm bench soak --ci)" pnpm --silent bench soak --ci
node scripts/summary.mjs || status=1
exit $status

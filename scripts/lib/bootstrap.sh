# Shared by scripts/start.sh and scripts/test.sh: everything a fresh Debian machine with only
# Node 20 and npm needs before pnpm can run. Idempotent and quiet when there is nothing to do.

PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# pnpm comes through npm: corepack on these machines fails its registry signature check.
ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    say "installing pnpm $PNPM_VERSION with npm"
    npm install --global --no-audit --no-fund "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

# Debian packages (chromium and CJK fonts for Playwright, postgresql for the replica tests) when missing.
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and run again." >&2
      return 1
    fi
  fi
  say "installing Debian packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_dependencies() {
  say "installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^(Progress|Packages:|\+)' || true
  test -d node_modules/.pnpm || { echo "pnpm install failed" >&2; return 1; }
}

#!/usr/bin/env bash
# Installs what apifront needs, skipping whatever is already there (idempotent).
#   scripts/setup.sh serve   the wasm target, wasm-bindgen-cli, Trunk, npm packages (wasm-opt)
#   scripts/setup.sh test    the same plus Debian's Chromium and chromedriver, the JavaScript
#                            packages' npm tools (packages/) and pre-commit (.venv)
# Only package registries are reachable here: every tool comes from crates.io, npm or Debian,
# and Trunk is pinned (Trunk.toml) so that it never downloads tools of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
mode=${1:-serve}

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# Release builds of the tools without LTO: same binaries for our purpose, minutes faster.
cargo_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$@"
}

ensure_wasm_bindgen_cli() {
  local want have=""
  want=$(wasm_bindgen_version)
  command -v wasm-bindgen >/dev/null && have=$(wasm-bindgen --version | awk '{print $2}')
  if [ "$have" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (found: ${have:-none})"
    # No --locked: its lock file names a webpki-roots version the registry no longer serves.
    cargo_install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_trunk() {
  local have=""
  command -v trunk >/dev/null && have=$(trunk --version | awk '{print $2}')
  if [ "$have" != "$TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (found: ${have:-none})"
    # Name the version: trunk 0.22 needs a newer rustc than this machine's.
    cargo_install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

# npm packages from package-lock.json: wasm-opt (binaryen; Debian's is too old for current
# rustc output), Playwright and axe-core for the end-to-end tests.
ensure_npm_packages() {
  local stamp=node_modules/.apifront-lock
  local sum
  sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
    echo "$sum" > "$stamp"
  fi
}

# The JavaScript packages' build and test tools from packages/package-lock.json
# (json-schema-to-typescript, TypeScript, aws-cdk-lib, constructs, ajv). The scratch project of
# scripts/test-packages.sh installs the same versions, from npm's cache (which this fills) where
# it can.
ensure_packages_npm() {
  local stamp=packages/node_modules/.apifront-lock
  local sum
  sum=$(sha256sum packages/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "installing the packages' npm tools from packages/package-lock.json"
    (cd packages && npm ci --no-audit --no-fund)
    echo "$sum" > "$stamp"
  fi
}

# pre-commit (for the hook tests) into the project's .venv, as scripts/check-generated.sh
# installs its Python tools there.
ensure_python_tools() {
  local stamp=.venv/.apifront-integrations.sha256
  local sum
  sum=$(sha256sum tests/integrations/requirements.txt | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "installing pre-commit into .venv"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r tests/integrations/requirements.txt
    echo "$sum" > "$stamp"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver
  fi
}

ensure_wasm_target
ensure_npm_packages
ensure_wasm_bindgen_cli
ensure_trunk
if [ "$mode" = test ]; then
  ensure_chromium
  ensure_packages_npm
  ensure_python_tools
fi
# Trunk runs cargo offline; fetch the locked crates first (a no-op when they are present).
cargo fetch --locked >/dev/null
log "ready ($mode)"

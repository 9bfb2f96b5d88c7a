#!/usr/bin/env bash
# Tests the JavaScript packages as a user gets them: builds packages/apifront (wasm-bindgen for
# Node and bundlers, types from the schema) and packages/cdk (tsc), packs both with `npm pack`,
# installs the tarballs into a scratch project with the versions packages/package.json pins
# (as a user would: npm resolves their dependencies, from its cache where it can; `--offline`
# cannot be used, since `npm ci` caches tarballs but not the package documents npm needs to
# resolve a name and version), then runs their tests with Node's test runner against the real
# core, the repository's schema and the aws-cdk-lib the project pins.
# Set-up (npm ci in packages/) is scripts/setup.sh's. Nothing is published.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKGS=$ROOT/packages
WORK=$(mktemp -d "${TMPDIR:-/tmp}/apifront-packages.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== building the CLI (the tests compare the package with it)"
(cd "$ROOT" && cargo build -q --locked -p apifront-cli)
echo "== building packages/apifront"
"$PKGS/apifront/build.sh"
echo "== building packages/cdk"
"$PKGS/node_modules/.bin/tsc" -p "$PKGS/cdk/tsconfig.json"

echo "== npm pack"
(cd "$PKGS/apifront" && npm pack --silent --pack-destination "$WORK" >/dev/null)
(cd "$PKGS/cdk" && npm pack --silent --pack-destination "$WORK" >/dev/null)

# The versions the workspace pins, so the scratch project installs exactly those.
pinned() { node -p "require('$PKGS/package.json').devDependencies['$1']"; }
project=$WORK/project
mkdir -p "$project"
cat >"$project/package.json" <<JSON
{"name": "apifront-packages-check", "private": true, "type": "module"}
JSON
echo "== installing the tarballs into a scratch project"
(cd "$project" && npm install --prefer-offline --no-audit --no-fund --loglevel=error \
  "$WORK"/apifront-0.1.0.tgz "$WORK"/apifront-cdk-0.1.0.tgz \
  "aws-cdk-lib@$(pinned aws-cdk-lib)" "constructs@$(pinned constructs)" \
  "aws-cdk@$(pinned aws-cdk)" "typescript@$(pinned typescript)" "@types/node@$(pinned @types/node)" "ajv@$(pinned ajv)")
for pkg in apifront cdk; do
  mkdir -p "$project/$pkg"
  cp -r "$PKGS/$pkg/test" "$PKGS/$pkg/examples" "$project/$pkg/"
done

echo "== node --test"
cd "$project"
export APIFRONT_REPO=$ROOT APIFRONT_CLI=$ROOT/target/debug/apifront
(cd apifront && node --test test/) && (cd cdk && node --test test/)

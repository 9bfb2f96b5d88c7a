#!/usr/bin/env bash
# Builds the npm package in place: apifront's core (crates/js) compiled to WebAssembly and bound
# with wasm-bindgen for Node (CommonJS, node/) and for bundlers (ES module, bundler/); the
# TypeScript types (types.d.ts) generated from schema/apifront.schema.json, which ships too.
# Needs the workspace's npm packages (`npm ci` in packages/) and wasm-bindgen-cli at the version
# of Cargo.lock (scripts/setup.sh installs both). Never publishes anything.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
bin=$root/packages/node_modules/.bin

cargo build -q -p apifront-js --release --target wasm32-unknown-unknown --locked
wasm=$root/target/wasm32-unknown-unknown/release/apifront_js.wasm
rm -rf node bundler
wasm-bindgen --target nodejs --out-dir node "$wasm"
wasm-bindgen --target bundler --out-dir bundler "$wasm"
# The bundler build is an ES module whatever the importing package says.
echo '{"type": "module"}' >bundler/package.json
# wasm-opt from npm's binaryen (Debian's is too old for current rustc output), when installed.
if [ -x "$root/node_modules/.bin/wasm-opt" ]; then
  for module in node/apifront_js_bg.wasm bundler/apifront_js_bg.wasm; do
    "$root/node_modules/.bin/wasm-opt" -O2 --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-reference-types --enable-sign-ext --enable-multivalue "$module" -o "$module"
  done
fi
cp "$root/schema/apifront.schema.json" schema.json
"$bin/json2ts" --input schema.json --output types.d.ts --unreachableDefinitions \
  --bannerComment "/* Generated from schema/apifront.schema.json by json-schema-to-typescript: do not edit. */"

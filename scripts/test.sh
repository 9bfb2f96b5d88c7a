#!/usr/bin/env bash
# Runs every test layer and ends with one summary line per layer. Set-up is done by
# `scripts/setup.sh test` (what `make test` runs first). Each layer runs even if an earlier one
# failed, so one run shows everything; the exit status is non-zero if any layer failed.
#
# Run one layer alone:
#   scripts/test.sh fmt|clippy|clippy-wasm|native|hostile-release|generated|packages|integrations|wasm|e2e
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

results=()
failed=0
run_layer() {
  local name=$1
  shift
  printf '\n\033[1m== %s ==\033[0m\n' "$name"
  local start=$SECONDS
  if "$@"; then
    results+=("PASS  $name ($((SECONDS - start)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - start)) s)")
    failed=$((failed + 1))
  fi
}

layer_fmt() { cargo fmt --all -- --check; }
layer_clippy() { cargo clippy --workspace --all-targets --locked -- -D warnings; }
# The wasm tests evaluate the code editor's bundle (target/editor/editor.js): build it first.
build_editor() { node scripts/build-editor.mjs >/dev/null; }
layer_clippy_wasm() {
  build_editor &&
    cargo clippy -p apifront-web -p apifront-core -p apifront-js --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
}
layer_native() { cargo test --workspace --locked; }
# Generated configurations checked by the ecosystem's own tools (cfn-lint, tsc + CDK synth in
# TypeScript and Python, hcl2json, botocore's shape); installs them into .venv and
# tools/generated/node_modules on first use.
layer_generated() { scripts/check-generated.sh; }
# The heaviest hostile inputs (10 000 behaviors and more) in a release build.
layer_hostile_release() { cargo test --release --locked -p apifront-core --test hostile; }
# The npm packages as users get them: built, packed, installed from the tarballs into a scratch
# project, tested with Node's test runner (the CDK construct with the real aws-cdk-lib).
layer_packages() { scripts/test-packages.sh; }
# The GitHub Action's steps, the pre-commit hooks through the real pre-commit, README snippets.
layer_integrations() {
  cargo build -q --locked -p apifront-cli &&
    APIFRONT_CLI="$PWD/target/debug/apifront" .venv/bin/python -m unittest discover -s tests/integrations -v
}
layer_wasm() {
  build_editor &&
    WASM_BINDGEN_TEST_TIMEOUT=120 cargo test -p apifront-web --target wasm32-unknown-unknown --locked
}
# Trunk's pre_build hook bundles the editor; the e2e suite runs against dist/.
layer_e2e() {
  trunk build --release --offline &&
    scripts/size-report.sh dist &&
    npx playwright test
}

layers=(fmt clippy clippy-wasm native hostile-release generated packages integrations wasm e2e)
[ $# -gt 0 ] && layers=("$@")
for layer in "${layers[@]}"; do
  run_layer "$layer" "layer_${layer//-/_}"
done

printf '\n\033[1mSummary\033[0m\n'
printf '%s\n' "${results[@]}"
echo "layers: $(( ${#results[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]

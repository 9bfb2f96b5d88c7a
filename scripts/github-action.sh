#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), kept here so they can be tested outside GitHub.
#   github-action.sh install   builds the CLI from the action's source into $RUNNER_TEMP/apifront
#                              (skipped when that build is there) and puts it on GITHUB_PATH
#   github-action.sh lint      lints INPUT_PATHS: SARIF into INPUT_SARIF first when asked (its
#                              path goes to GITHUB_OUTPUT), then annotations (--format github);
#                              exits with the CLI's status
set -euo pipefail
source=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
root=${RUNNER_TEMP:-/tmp}/apifront

case ${1:-} in
  install)
    want=$(cd "$source" && git rev-parse HEAD 2>/dev/null || echo unknown)
    if [ ! -x "$root/bin/apifront" ] || [ "$(cat "$root/rev" 2>/dev/null)" != "$want" ]; then
      cargo install --locked --path "$source/crates/cli" --root "$root"
      echo "$want" >"$root/rev"
    fi
    echo "$root/bin" >>"${GITHUB_PATH:-/dev/null}"
    "$root/bin/apifront" --version
    ;;
  lint)
    apifront=$root/bin/apifront
    [ -x "$apifront" ] || apifront=apifront
    args=(lint --severity "${INPUT_SEVERITY:-error}")
    for slug in ${INPUT_DISABLE:-}; do args+=(--disable "$slug"); done
    read -ra paths <<<"${INPUT_PATHS:-.}"
    sarif=${INPUT_SARIF:-}
    if [ -n "$sarif" ]; then
      # The exit status comes from the annotation run below; SARIF is written whatever it finds.
      "$apifront" "${args[@]}" --format sarif -- "${paths[@]}" >"$sarif" || true
      echo "sarif=$sarif" >>"${GITHUB_OUTPUT:-/dev/null}"
    fi
    exec "$apifront" "${args[@]}" --format github -- "${paths[@]}"
    ;;
  *)
    echo "usage: $0 install|lint" >&2
    exit 2
    ;;
esac

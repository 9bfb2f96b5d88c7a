#!/usr/bin/env bash
# The `apifront` pre-commit hook: builds the CLI from the hook's copy of this repository (once;
# later runs find it fresh), then lints the staged files pre-commit passes, skipping those that
# hold no CloudFront distribution (as `apifront lint DIR` does).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cargo build --quiet --release --locked -p apifront-cli --manifest-path "$repo/Cargo.toml"
target=${CARGO_TARGET_DIR:-$repo/target}
exec "$target/release/apifront" lint --skip-unrelated "$@"

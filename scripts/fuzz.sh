#!/usr/bin/env bash
# Fuzzes apifront-core with cargo-fuzz (libFuzzer, nightly), each target for a bounded time.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   default: 60 s for every target in fuzz/fuzz_targets
# Installs what is missing (the nightly toolchain, cargo-fuzz) and seeds each corpus from
# crates/core/tests/fixtures. Prints one line per target (executions, corpus, result) and exits
# non-zero when a target crashed; the crashing input is in fuzz/artifacts/TARGET/.
# Reproduce one: cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$f" .rs)"); done
fi
target_dir=${CARGO_TARGET_DIR:-$PWD/fuzz/target}

log() { printf '\033[1mfuzz:\033[0m %s\n' "$*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain"
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

fixtures=crates/core/tests/fixtures
# Seeds per target: fixture globs relative to $fixtures.
seeds() {
  case $1 in
    parse_json) echo "cfn/*.json cli-json/*.json reference/*.json rules/*.json bad/*.json" ;;
    parse_yaml) echo "cfn/*.yaml cfn/*.yml reference/*.yaml rules/*.yaml bad/*.yaml" ;;
    parse_terraform) echo "terraform/*.tf reference/*.tf rules/*.tf" ;;
    share_decode) echo "share/*.txt" ;;
    form_state) echo "share/*.state.json" ;;
    *) echo "cfn/* cli-json/* reference/* rules/* terraform/* bad/*" ;;
  esac
}

for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  for glob in $(seeds "$t"); do
    for f in $fixtures/$glob; do
      [ -f "$f" ] && cp -n "$f" "fuzz/corpus/$t/seed-$(basename "$f")"
    done
  done
done

log "building ${#targets[@]} target(s)"
(cd fuzz && cargo +nightly fuzz build --target-dir "$target_dir" -O --debug-assertions)

results=()
failed=0
mkdir -p fuzz/logs
for t in "${targets[@]}"; do
  log "$t for $seconds s"
  out=fuzz/logs/$t.log
  status=ok
  (cd fuzz && cargo +nightly fuzz run --target-dir "$target_dir" -O --debug-assertions "$t" \
    "corpus/$t" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1) >"$out" 2>&1 || status=CRASH
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'exec/s: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1)
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  [ "$status" = ok ] || failed=$((failed + 1))
  results+=("$(printf '%-16s %-6s %12s execs %8s exec/s %6s corpus files' "$t" "$status" "${execs:-?}" "${rate:-?}" "$corpus")")
  if [ "$status" != ok ]; then
    grep -m1 -A12 -E 'panicked at|ERROR: libFuzzer' "$out" || tail -20 "$out"
  fi
done

printf '\n\033[1mFuzzing summary\033[0m (%s s per target; logs in fuzz/logs/)\n' "$seconds"
printf '%s\n' "${results[@]}"
echo "fuzz targets: $(( ${#targets[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]

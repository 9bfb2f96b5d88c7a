#!/usr/bin/env bash
# Times the release CLI (`apifront lint`) against cfn-lint on the same CloudFormation templates:
# whole processes, several runs each, medians and the ratio. cfn-lint comes from PyPI into a
# project-local venv (.venv-bench), pinned. Uses hyperfine (Debian) when present, else a loop.
#   scripts/bench-vs-cfnlint.sh [RUNS]      default 10 runs per command
# Writes a Markdown table to stdout and artifacts/bench-vs-cfnlint.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CFN_LINT_VERSION=1.58.0
runs=${1:-10}
target_dir=${CARGO_TARGET_DIR:-target}
venv=.venv-bench
work=artifacts/bench-templates
mkdir -p "$work"

log() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }

if [ ! -x "$venv/bin/cfn-lint" ] || [ "$("$venv/bin/cfn-lint" --version | awk '{print $2}')" != "$CFN_LINT_VERSION" ]; then
  log "installing cfn-lint $CFN_LINT_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "cfn-lint==$CFN_LINT_VERSION"
fi
echo '*' >"$venv/.gitignore"
log "building the release CLI"
cargo build --release -p apifront-cli -q
apifront=$target_dir/release/apifront

# The templates: the typical fixtures and the benchmark generator's large one.
cp crates/core/tests/fixtures/cfn/cdk-synth.json "$work/typical-cdk-synth.json"
cp crates/core/tests/fixtures/cfn/api-edge.yaml "$work/typical-api-edge.yaml"
cp crates/core/tests/fixtures/reference/hardened.yaml "$work/reference-hardened.yaml"
APIFRONT_BENCH_WRITE=$PWD/$work cargo bench -p apifront-core --bench lint -q >/dev/null

# Median of a command's wall time in milliseconds (both linters exit non-zero on findings).
median_ms() {
  local json=$work/hyperfine.json
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i -w 1 -r "$runs" --export-json "$json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$json"
  else
    local times=() start end
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      $1 >/dev/null 2>&1 || true
      end=$(date +%s%N)
      times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m/1000}'
  fi
}

{
  echo "| template | bytes | apifront lint (ms) | cfn-lint $CFN_LINT_VERSION (ms) | ratio |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for t in "$work"/*.json "$work"/*.yaml; do
    case $t in */hyperfine.json) continue ;; esac
    [ -f "$t" ] || continue
    ours=$(median_ms "$apifront lint $t")
    theirs=$(median_ms "$venv/bin/cfn-lint $t")
    ratio=$(python3 -c "print('%.0f' % ($theirs / $ours))")
    echo "| $(basename "$t") | $(stat -c %s "$t") | $ours | $theirs | ${ratio}× |"
  done
  echo
  echo "Machine: $(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per command, median wall time of the whole process."
} | tee artifacts/bench-vs-cfnlint.md

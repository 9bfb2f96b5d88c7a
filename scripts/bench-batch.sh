#!/usr/bin/env bash
# Batch comparison with cfn-lint: the same set of CloudFormation templates linted by one
# process of each tool (whole process, wall time, several runs, medians, ratio), and apifront
# pinned to one core (taskset) to show what linting on every core gives.
#   scripts/bench-batch.sh [RUNS]     default 3 runs per command
# The set (artifacts/batch/templates): every CloudFormation fixture of the repository
# (crates/core/tests/fixtures: cfn, correct, reference, rules), every case of the generator's
# render_all example (presets and option combinations, YAML and JSON), and a grid of form states
# (API kind x auth x caching x CORS, each rendered by `apifront generate` as YAML and JSON;
# states the form refuses are left out). Prints a Markdown table (also artifacts/batch.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=artifacts/batch
set_dir=$work/templates
log() { printf '\033[1mbatch:\033[0m %s\n' "$*" >&2; }

cfn_lint=.venv/bin/cfn-lint
[ -x "$cfn_lint" ] || cfn_lint=.venv-bench/bin/cfn-lint
[ -x "$cfn_lint" ] || { echo "no cfn-lint: run scripts/check-generated.sh or make bench first" >&2; exit 1; }

log "building the release CLI"
cargo build -q --release --locked -p apifront-cli
apifront=${CARGO_TARGET_DIR:-target}/release/apifront

rm -rf "$work"
mkdir -p "$set_dir"
log "collecting the templates"
for f in crates/core/tests/fixtures/{cfn,correct,reference,rules}/*.{json,yaml,yml}; do
  [ -f "$f" ] || continue
  grep -q 'AWS::CloudFront::Distribution' "$f" || continue
  cp "$f" "$set_dir/fixture-$(basename "$(dirname "$f")")-$(basename "$f")"
done
cargo run -q --locked -p apifront-core --example render_all -- "$work/rendered" >/dev/null 2>&1
for f in "$work"/rendered/*/apifront-distribution.*; do
  cp "$f" "$set_dir/render-$(basename "$(dirname "$f")")-$(basename "$f")"
done
python3 - "$apifront" "$set_dir" <<'PY'
import itertools, json, subprocess, sys
apifront, out = sys.argv[1], sys.argv[2]
kinds = {"rest-regional": {"stage": "prod"}, "rest-edge": {"stage": "prod"},
         "http-api": {"stage": "$default"},
         "lambda-url": {"api_id": "abcdefghijklmnopqrstuvwxyz012345", "stage": ""},
         "custom-domain": {"custom_domain": "api.example.com", "base_path": "v1"}}
for (kind, api), auth, cache, cors in itertools.product(
        kinds.items(), ["none", "authorizer", "api-key"], ["off", "cache-get"], ["by-api", "by-cloud-front"]):
    state = {"name": "grid", "api": {"kind": kind, **api}, "auth": {"mode": auth},
             "caching": {"mode": cache}, "cors": {"mode": cors}}
    for fmt, ext in [("cfn-yaml", "yaml"), ("cfn-json", "json")]:
        name = f"{out}/grid-{kind}-{auth}-{cache}-{cors}.{ext}"
        r = subprocess.run([apifront, "generate", "--state", "-", "--format", fmt, "-o", name],
                           input=json.dumps(state), capture_output=True, text=True)
PY
count=$(find "$set_dir" -type f | wc -l)
bytes=$(cat "$set_dir"/* | wc -c)
log "$count templates, $bytes bytes"

# Median wall time (ms) of a whole command; both tools exit non-zero on findings.
median_ms() {
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n |
    awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f\n", m/1000}'
}
log "timing ($runs runs each)"
ours=$(median_ms "$apifront" lint --format json "$set_dir")
ours_one=$(median_ms taskset -c 0 "$apifront" lint --format json "$set_dir")
theirs=$(median_ms "$cfn_lint" --format parseable -- "$set_dir"/*)
"$apifront" lint --format json "$set_dir" >"$work/report.json" || true
findings=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(sum(len(f["findings"]) for f in r["files"]), "findings in", len(r["files"]), "files")' "$work/report.json")
{
  echo "| command (one process, $count templates, $bytes bytes) | median of $runs (ms) | vs cfn-lint |"
  echo "| --- | ---: | ---: |"
  echo "| \`apifront lint --format json DIR\` ($(nproc) cores) | $ours | $(python3 -c "print(f'{$theirs/$ours:.1f}x faster')") |"
  echo "| \`taskset -c 0 apifront lint --format json DIR\` (1 core) | $ours_one | $(python3 -c "print(f'{$theirs/$ours_one:.1f}x faster')") |"
  echo "| \`cfn-lint $("$cfn_lint" --version | awk '{print $2}') --format parseable DIR/*\` | $theirs | 1x |"
  echo
  echo "apifront: $findings."
} | tee "$work/../batch.md"

#!/usr/bin/env bash
# Proves apifront's generators with the real tools.
#
# Renders every preset and a spread of option combinations in every format
# (`cargo run -p apifront-core --example render_all`), then:
#   - CloudFormation YAML/JSON: cfn-lint (errors and warnings fail; informational notes do not);
#   - CDK TypeScript: tsc against aws-cdk-lib, then each app is run with node (app.synth()) and
#     the synthesized templates go through cfn-lint;
#   - CDK Python: each app is run with the venv's aws-cdk-lib (jsii uses node) and the
#     synthesized templates go through cfn-lint;
#   - Terraform: parsed with @cdktf/hcl2json (HashiCorp's HCL parser);
#   - AWS CLI JSON: validated against botocore's CloudFront DistributionConfig shape.
# Tools are installed on first use (and again when their lock files change) into a project-local
# .venv and tools/generated/node_modules. Run from anywhere: scripts/check-generated.sh [OUTDIR]
# Ends with one line: `generated: N passed, M failed` (exit status 1 when M > 0).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT="$ROOT/tools/generated"
VENV="$ROOT/.venv"
JOBS=$(nproc 2>/dev/null || echo 2)

# Internal: synthesize one CDK app (called through xargs for parallelism).
if [[ "${1:-}" == "--synth" ]]; then
  lang=$2 app=$3 outdir=$4
  mkdir -p "$outdir"
  if [[ "$lang" == ts ]]; then
    CDK_OUTDIR="$outdir" node "$app" >"$outdir.log" 2>&1
  else
    CDK_OUTDIR="$outdir" "$VENV/bin/python" "$app" >"$outdir.log" 2>&1
  fi
  echo "$? $outdir"
  exit 0
fi

OUT="${1:-$ROOT/target/generated-check}"
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL $*"; }
step() { echo "== $*"; }

sha() { sha256sum "$1" | cut -d' ' -f1; }

setup_python() {
  local want stamp="$VENV/.apifront-requirements.sha256"
  want=$(sha "$KIT/requirements.txt")
  if [[ -x "$VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  step "installing Python tools into .venv"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV" || return 1
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$KIT/requirements.txt" || return 1
  echo "$want" >"$stamp"
}

setup_node() {
  local want stamp="$KIT/node_modules/.apifront-lock.sha256"
  want=$(sha "$KIT/package-lock.json")
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  step "installing node tools (npm ci in tools/generated)"
  (cd "$KIT" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  echo "$want" >"$stamp"
}

# cfn-lint over many templates at once; one pass/fail per template. Args: label, files…
# Errors (E) and warnings (W) fail a template; informational findings (I) are not shown.
# LINT_IGNORE lists checks to skip (for CDK output: W3005, the explicit DependsOn CDK adds
# on purpose next to a GetAtt; not something the generator writes).
LINT_IGNORE=()
lint_templates() {
  local label=$1 report file bad
  shift
  [[ $# -gt 0 ]] || return 0
  report=$("$VENV/bin/cfn-lint" --format parseable "${LINT_IGNORE[@]}" -- "$@" 2>&1)
  for file in "$@"; do
    bad=$(grep -F "$file:" <<<"$report" | grep -E ':[EW][0-9]+:' || true)
    if [[ -n "$bad" ]]; then
      ko "$label $(basename "$(dirname "$file")")/$(basename "$file")"
      echo "$bad" | head -5 | sed 's/^/    /'
    else
      ok
    fi
  done
}

# Synthesizes apps in parallel and lints their templates. Args: lang, label, apps (case/app).
synth_and_lint() {
  local lang=$1 label=$2 line rc dir name templates
  shift 2
  [[ $# -gt 0 ]] || return 0
  while read -r line; do
    rc=${line%% *}
    dir=${line#* }
    name=$(basename "$dir")
    if [[ "$rc" != 0 ]]; then
      ko "$label synth $name"
      tail -5 "$dir.log" | sed 's/^/    /'
      continue
    fi
    mapfile -t templates < <(find "$dir" -maxdepth 1 -name '*.template.json' | sort)
    if [[ ${#templates[@]} -eq 0 ]]; then
      ko "$label synth $name: no template"
    else
      lint_templates "$label synth" "${templates[@]}"
    fi
  done < <(printf '%s\n' "$@" | xargs -P "$JOBS" -n 2 "$0" --synth "$lang")
}

setup_python || { echo "generated: 0 passed, 1 failed (Python tools could not be installed)"; exit 1; }
setup_node || { echo "generated: 0 passed, 1 failed (node tools could not be installed)"; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"
step "rendering every case (cargo run --example render_all)"
(cd "$ROOT" && cargo run -q -p apifront-core --example render_all -- "$OUT/rendered") || {
  echo "generated: 0 passed, 1 failed (render_all failed)"
  exit 1
}
mapfile -t CASES < <(find "$OUT/rendered" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)

step "cfn-lint: CloudFormation templates"
mkdir -p "$OUT/cfn"
cfn_files=()
for c in "${CASES[@]}"; do
  for f in apifront-distribution.yaml apifront-distribution.json; do
    src="$OUT/rendered/$c/$f"
    [[ -f "$src" ]] || continue
    mkdir -p "$OUT/cfn/$c"
    "$VENV/bin/python" "$KIT/cfn_stubs.py" "$OUT/rendered/$c/state.json" "$src" "$OUT/cfn/$c/$f"
    cfn_files+=("$OUT/cfn/$c/$f")
  done
done
lint_templates cfn-lint "${cfn_files[@]}"

LINT_IGNORE=(--ignore-checks W3005)
step "CDK TypeScript: tsc, node synth, cfn-lint"
rm -rf "$KIT/cases" "$KIT/build"
ts_ok=()
for c in "${CASES[@]}"; do
  [[ -f "$OUT/rendered/$c/apifront-stack.ts" ]] || continue
  mkdir -p "$KIT/cases/$c"
  cp "$OUT/rendered/$c/apifront-stack.ts" "$KIT/cases/$c/"
done
tsc_report=$(cd "$KIT" && node node_modules/typescript/bin/tsc -p tsconfig.json 2>&1)
for c in "${CASES[@]}"; do
  [[ -d "$KIT/cases/$c" ]] || continue
  errs=$(grep -F "cases/$c/" <<<"$tsc_report" || true)
  if [[ -n "$errs" || ! -f "$KIT/build/$c/apifront-stack.js" ]]; then
    ko "tsc $c"
    echo "${errs:-$tsc_report}" | head -5 | sed 's/^/    /'
  else
    ok
    ts_ok+=("$KIT/build/$c/apifront-stack.js" "$OUT/synth-ts/$c")
  fi
done
synth_and_lint ts cdk-ts "${ts_ok[@]}"

step "CDK Python: synth with aws-cdk-lib, cfn-lint"
py_apps=()
for c in "${CASES[@]}"; do
  [[ -f "$OUT/rendered/$c/apifront_stack.py" ]] && py_apps+=("$OUT/rendered/$c/apifront_stack.py" "$OUT/synth-py/$c")
done
synth_and_lint py cdk-python "${py_apps[@]}"

step "Terraform: @cdktf/hcl2json"
mapfile -t tf_files < <(find "$OUT/rendered" -name main.tf | sort)
while read -r status file rest; do
  if [[ "$status" == ok ]]; then ok; else ko "hcl2json $file $rest"; fi
done < <(cd "$KIT" && node hcl2json-check.js "${tf_files[@]}")

step "AWS CLI JSON: botocore DistributionConfig shape"
mapfile -t cli_files < <(find "$OUT/rendered" -name distribution-config.json | sort)
while read -r status file rest; do
  if [[ "$status" == ok ]]; then ok; else ko "botocore $file $rest"; fi
done < <("$VENV/bin/python" "$KIT/validate_cli_json.py" "${cli_files[@]}")

echo "generated: $passed passed, $failed failed"
[[ "$failed" == 0 ]]

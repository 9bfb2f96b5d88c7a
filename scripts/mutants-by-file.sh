#!/usr/bin/env bash
# Mutation testing file by file, each file with the unit tests that pin it (TESTING.md):
#   a rule file           its own table          (rules::<rule>::)
#   a rule helper         the tables of the rules that use it, and its own tests
#   rules/mod.rs          every rule table       (rules::)
#   a trace file          the trace's unit tests and the trace scenarios
#   any other file        the core's unit tests
# It mutates the working tree in place (cargo-mutants --in-place; each file is restored after
# its mutant), so run it on a clean checkout that nothing else builds from. Results go to
# mutants.by-file/<file>/ (git-ignored); a file whose run finished is skipped on the next call.
#
#   scripts/mutants-by-file.sh crates/core/src/rules/alias_invalid.rs …
#   scripts/mutants-by-file.sh 'crates/core/src/rules/*.rs'     # a glob, quoted
set -euo pipefail
shopt -s globstar
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { sed -n '2,13p' "$0"; exit 2; }
# No debug info: a mutant's build is mostly the link of the core's test binary.
export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
RULES=crates/core/src/rules

# The module under rules/ that `file` belongs to (`behind` for rules/behind/language.rs).
module_of() {
  local rest=${1#"$RULES"/}
  rest=${rest%%/*}
  echo "${rest%.rs}"
}

# The libtest filters that select the tests pinning `file`.
filters_of() {
  local file=$1 module users
  case "$file" in
    "$RULES"/mod.rs | "$RULES"/tester/* | "$RULES"/test_support.rs) echo "rules::" ;;
    "$RULES"/*)
      module=$(module_of "$file")
      if grep -q "^pub static RULE" "$RULES/$module.rs" 2>/dev/null; then
        echo "rules::$module::"
      else
        # A helper: its own tests, the trace's (which reads the API behind an origin as the
        # rules do) and the tables of the rules that use it.
        users=$(grep -l -E "\b$module::|super::$module\b" "$RULES"/*.rs | grep -v "/$module.rs$" || true)
        echo "rules::$module:: trace" $(for u in $users; do u=${u##*/}; echo "rules::${u%.rs}::"; done)
      fi
      ;;
    crates/core/src/trace/*) echo "trace scenarios" ;;
    *) echo "" ;;
  esac
}

cargo_args_of() {
  case "$1" in
    crates/core/src/trace/*) echo "--cargo-arg=--lib --cargo-arg=--test=trace_scenarios --cargo-arg=--test=routing_rules" ;;
    *) echo "--cargo-arg=--lib" ;;
  esac
}

for pattern in "$@"; do
  for file in $pattern; do
    [ -f "$file" ] || { echo "no such file: $file" >&2; exit 2; }
    out=mutants.by-file/${file#crates/core/src/}
    out=${out%.rs}
    if grep -q "mutants tested in" "$out/run.log" 2>/dev/null; then
      continue
    fi
    rm -rf "$out" && mkdir -p "$out"
    # shellcheck disable=SC2046 # word splitting of the argument lists is intended
    cargo mutants -p apifront-core --in-place --baseline=skip --timeout 60 --build-timeout 300 \
      $(cargo_args_of "$file") --file "$file" --output "$out" -- $(filters_of "$file") \
      > "$out/run.log" 2>&1 || true
    echo "$file: $(tail -n 1 "$out/run.log")"
  done
done

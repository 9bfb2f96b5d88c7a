#!/usr/bin/env bash
# Prints the bundle size of a release build (wasm and js, raw and gzip) and fails when the
# gzipped total exceeds the budget.
#   scripts/size-report.sh [DIST_DIR]
set -euo pipefail
dist=${1:-dist}
# Budget for wasm + js, gzip -9, in bytes. Raise it only with a measured reason.
# 512 000 until 2026-11-24 (measured 509 KB); 540 000 after the lint worker and the textarea
# editor's colours (531 KB). 705 000 since 2026-12-03 (measured 696 782, 1 % headroom):
# CodeMirror 6 (the editor bundle, 137 KB gzip: view, state, commands, language, search, lint,
# the JSON and YAML grammars) replaced the hand-written editor, and the app grew by its reducer,
# hooks, kept work, fix previews and trade-offs (wasm +22 KB): BENCHMARKS.md section 4.
# 1 025 000 since the evening of 2026-12-03 (measured 1 015 030): the API-aware rules, the
# 2025-26 features, the trace and the map in the app (BENCHMARKS.md section 4).
# 1 045 000 since 2026-12-04 (measured 1 034 506): field paths that share their object's path
# (FieldPath) cost 9.5 KB of wasm and cut 5-6 % of the instructions of every lint (section 1).
budget=${APIFRONT_SIZE_BUDGET:-1045000}

total=0
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dist"/*.wasm "$dist"/*.js; do
  [ -e "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
if [ "$total" -eq 0 ]; then
  echo "size-report: no .wasm or .js in $dist (build first)" >&2
  exit 1
fi
printf '%-44s %10s %10d (budget %d)\n' "total wasm+js" "" "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size-report: over budget by $((total - budget)) bytes" >&2
  exit 1
fi

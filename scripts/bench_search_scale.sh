#!/usr/bin/env bash
# Issue 6's and 19's search benchmarks at arXiv's size: bench/index_scale_bench indexes the
# 40,717 real records plus synthetic papers made from them (bench/synthetic_corpus.h) up to N
# papers (default 2,700,000) with the rebuild `coolpapers index rebuild` runs, then measures
# warm search and phrase latency (wall and CPU time) and an incremental 1,200-paper day, and
# prints one table with the load average beside it.
#   bash scripts/bench_search_scale.sh [N]          # build the index (if absent) and measure
#   COOLPAPERS_SCALE_REBUILD=1 bash scripts/...     # time a fresh rebuild even if one is kept
# The index is kept in $COOLPAPERS_SCALE_DIR/search-index-N between runs (searches are then
# measured on it in a minute); a kept index of an older format (kIndexFormat) is rebuilt.
# Needs ../shared/data beside the checkout, the build in $COOLPAPERS_BUILD_DIR (default build),
# and about 10 KB of free disk per paper (~27 GB at 2.7M) under $COOLPAPERS_SCALE_DIR (default
# $TMPDIR or /tmp). The rebuild takes about 30 minutes at 2.7M on 2 quiet cores.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/metadata/daily-arxiv-cs-2025
[[ -d $shared ]] || { echo "bench_search_scale: needs $shared beside the checkout" >&2; exit 1; }
build=${COOLPAPERS_BUILD_DIR:-build}
papers=${1:-2700000}
parent=${COOLPAPERS_SCALE_DIR:-${TMPDIR:-/tmp}}
index=$parent/search-index-$papers
format=$(sed -n 's/.*kIndexFormat = \([0-9]*\);.*/\1/p' src/search/term_prefixes.h)
if [[ -d $index && ( ${COOLPAPERS_SCALE_REBUILD:-0} == 1 ||
      $(cat "$index.format" 2>/dev/null) != "$format" ) ]]; then
  rm -rf "$index" "$index.format"
fi
reuse=0
[[ -d $index ]] && reuse=1
if ((reuse == 0)); then
  free_kb=$(df -Pk "$parent" | awk 'NR == 2 {print $4}')
  need_kb=$((papers * 10))
  if ((free_kb < need_kb)); then
    echo "bench_search_scale: $parent has $((free_kb / 1048576)) GB free; $papers papers need" \
         "about $((need_kb / 1048576)) GB (set COOLPAPERS_SCALE_DIR)" >&2
    exit 1
  fi
fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT
"$build/bench/index_scale_bench" --metadata "$shared" --index "$index" --papers "$papers" \
  --reuse "$reuse" >"$results"
((reuse == 1)) || echo "$format" >"$index.format"
printf '\n%-44s %s\n' "benchmark (issues 6 and 19, $papers papers)" "measured"
printf '%-44s %s\n' "--------------------------------------------" "----------------------------------"
while IFS=$'\t' read -r name value; do printf '%-44s %s\n' "$name" "$value"; done <"$results"
((reuse == 0)) || printf '%-44s %s\n' "index" "kept from an earlier run: $index"
printf '%-44s %s\n' "load average (1, 5, 15 min)" "$(cut -d' ' -f1-3 /proc/loadavg)"

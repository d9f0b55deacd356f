#!/usr/bin/env bash
# Issue 6's search benchmarks at arXiv's size: bench/index_scale_bench indexes the 40,717 real
# records plus synthetic papers made from them (bench/synthetic_corpus.h) up to N papers
# (default 2,700,000) with the rebuild `coolpapers index rebuild` runs, then measures warm
# search and phrase latency and an incremental 1,200-paper day, and prints one table.
#   bash scripts/bench_search_scale.sh [N]
# Needs ../shared/data beside the checkout, the build in $COOLPAPERS_BUILD_DIR (default build),
# and about 10 KB of free disk per paper (~27 GB at 2.7M) under $COOLPAPERS_SCALE_DIR (default
# $TMPDIR or /tmp). Takes about 40 minutes at 2.7M on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/metadata/daily-arxiv-cs-2025
[[ -d $shared ]] || { echo "bench_search_scale: needs $shared beside the checkout" >&2; exit 1; }
build=${COOLPAPERS_BUILD_DIR:-build}
papers=${1:-2700000}
parent=${COOLPAPERS_SCALE_DIR:-${TMPDIR:-/tmp}}
free_kb=$(df -Pk "$parent" | awk 'NR == 2 {print $4}')
need_kb=$((papers * 10))
if ((free_kb < need_kb)); then
  echo "bench_search_scale: $parent has $((free_kb / 1048576)) GB free; $papers papers need" \
       "about $((need_kb / 1048576)) GB (set COOLPAPERS_SCALE_DIR)" >&2
  exit 1
fi
work=$(mktemp -d "$parent/coolpapers-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$build/bench/index_scale_bench" --metadata "$shared" --index "$work/index" --papers "$papers" \
  >"$work/results.tsv"
printf '\n%-44s %s\n' "benchmark (issue 6, $papers papers)" "measured"
printf '%-44s %s\n' "--------------------------------------------" "----------------------------------"
while IFS=$'\t' read -r name value; do printf '%-44s %s\n' "$name" "$value"; done <"$work/results.tsv"

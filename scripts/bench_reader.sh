#!/usr/bin/env bash
# The reader's targets of issue #15 in headless Chromium (bench/reader_bench.mjs): first
# contentful paint of the largest day, j/k to the next card painted, a filter keystroke to its
# count painted with the whole day loaded. Prints one table with the load average.
#   bash scripts/bench_reader.sh [--loads N] [--moves N]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/data/metadata ]] || { echo "bench_reader: needs ../shared/data beside the checkout" >&2; exit 1; }
bash scripts/install_deps.sh >/dev/null
bash scripts/build.sh >/dev/null
build=${COOLPAPERS_BUILD_DIR:-build}
COOLPAPERS_BINARY="$build/src/cli/coolpapers" node bench/reader_bench.mjs "$@"

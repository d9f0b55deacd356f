#!/usr/bin/env bash
# The benchmarks of issue #3, harvesting:
#   a day of 2,000 listing entries across 8 categories harvested from a loopback arXiv, our
#   harvesting thread's CPU time against the 2 s target (bench/harvest_bench);
#   the 1,000-job soak with random faults: lost jobs, duplicate results, politeness gaps
#   (tests/integration/job_soak_test.cc prints its figures).
# Needs ../shared/data beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/data ]] || { echo "bench_harvest: needs ../shared/data beside the checkout" >&2; exit 1; }
bash scripts/install_deps.sh >/dev/null
bash scripts/build.sh >/dev/null
build=${COOLPAPERS_BUILD_DIR:-build}
"$build/bench/harvest_bench" --shared ../shared --runs 5
COOLPAPERS_SHARED_DIR=$(cd ../shared && pwd) "$build/tests/integration/job_soak_tests" \
  | grep -E "^job soak|PASSED|FAILED"

#!/usr/bin/env bash
# The test command (README line 2, and .ci/run): installs what is missing, builds with
# warnings as errors, and runs every test through CTest. Integration tests read ../shared/data
# in place and skip with a message when it is absent.
# COOLPAPERS_SANITIZE=1 runs the same suite under AddressSanitizer + UBSan (in ./build-asan).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_deps.sh
if [[ ${COOLPAPERS_SANITIZE:-0} == 1 ]]; then
  export COOLPAPERS_BUILD_DIR=build-asan
  bash scripts/build.sh -DCOOLPAPERS_WERROR=ON -DCOOLPAPERS_SANITIZE=ON -DCOOLPAPERS_BENCH=OFF
else
  bash scripts/build.sh -DCOOLPAPERS_WERROR=ON
fi
ctest --test-dir "${COOLPAPERS_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)" --timeout 300

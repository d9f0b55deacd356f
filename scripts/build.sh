#!/usr/bin/env bash
# Configures and builds coolpapers into ./build (or $COOLPAPERS_BUILD_DIR).
# Extra CMake options can be passed as arguments: scripts/build.sh -DCOOLPAPERS_SANITIZE=ON
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${COOLPAPERS_BUILD_DIR:-build}
# ccache, when the machine has it, makes rebuilds after a branch switch or in a second checkout
# cheap; the build does not need it.
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(cd .. && pwd)}"
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
ninja -C "$build_dir" -j "$(nproc)"

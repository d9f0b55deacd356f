#!/usr/bin/env bash
# Configures and builds coolpapers into ./build (or $COOLPAPERS_BUILD_DIR).
# Extra CMake options can be passed as arguments: scripts/build.sh -DCOOLPAPERS_SANITIZE=ON
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${COOLPAPERS_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C "$build_dir" -j "$(nproc)"

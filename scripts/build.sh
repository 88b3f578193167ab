#!/usr/bin/env bash
# Configures and builds vnie in $BUILD_DIR (default: build/). Extra arguments
# go to the CMake configure step, e.g. -DVNIE_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

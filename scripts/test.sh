#!/usr/bin/env bash
# Runs the whole test suite: installs dependencies if missing, builds, runs
# CTest, then the Python package's pytest suite (tests/python) when the
# package was built. Extra arguments go to the CMake configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh "$@"
build_dir=${BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" -LE python
# The pytest suite is the CTest test labelled `python` (python/CMakeLists.txt),
# run on its own: its Dask tests start worker processes. It exists only when
# the package was built (not under sanitizers, nor without pybind11).
if ctest --test-dir "$build_dir" -N -L python | grep -q "Total Tests: [1-9]"; then
  ctest --test-dir "$build_dir" -L python --output-on-failure -V
else
  echo "test.sh: the Python package was not built in $build_dir (sanitizers, or no pybind11/python3-dev): pytest skipped"
fi

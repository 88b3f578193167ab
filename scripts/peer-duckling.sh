#!/usr/bin/env bash
# Prints the pass rate of Duckling's Vietnamese test phrases (../shared/peers/duckling-vi),
# per file, as scored by tests/unit/test_peer_duckling.cpp. Builds the test binary if
# needed. Usage: scripts/peer-duckling.sh [-v]   (-v also lists the failing phrases)
# BUILD_DIR selects the build directory (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
verbose=0
[ "${1:-}" = "-v" ] && verbose=1
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" >/dev/null
fi
cmake --build "$BUILD_DIR" --target vnie_tests -j "$(nproc)" >/dev/null
out=$("$BUILD_DIR/tests/vnie_tests" -tc="peer: Duckling*" --no-version 2>&1) || status=$?
if [ "$verbose" = 1 ]; then
  printf '%s\n' "$out" | sed -n 's/.*MESSAGE: //p; /^  FAIL /p; /^  skipped/p'
else
  printf '%s\n' "$out" | sed -n 's/.*MESSAGE: //p'
fi
exit "${status:-0}"

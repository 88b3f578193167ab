#!/usr/bin/env bash
# Installs the build in $1 (default build/) into a temporary prefix and builds
# and runs tests/package against it with CMake and with pkg-config.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/share/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
cmake -S tests/package -B "$work" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work" -j "$(nproc)" >/dev/null
"$work/consumer_cmake"
"$work/consumer_pkgconfig"
# The Python package, when the build has it: in site-packages under the prefix.
init=$(find "$prefix" -path '*-packages/vnie/__init__.py' | head -n 1)
if [ -n "$init" ]; then
  (cd "$work" && PYTHONPATH="$(dirname "$(dirname "$init")")" python3 -c '
import vnie
assert vnie.__file__.startswith("'"$prefix"'"), vnie.__file__
doc = vnie.Extractor().extract("Trao 500.000 đồng")
assert doc["mentions"][0]["value"]["amount"] == 500000, doc
print("python package:", vnie.__file__)')
  echo "package test: 3 passed, 0 failed"
else
  echo "(no Python package in this build)"
  echo "package test: 2 passed, 0 failed"
fi

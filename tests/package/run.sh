#!/usr/bin/env bash
# The ways a user builds against vnie:
# 1. installs the build in $1 (default build/) into a temporary prefix and
#    builds and runs tests/package against it with CMake (find_package) and
#    with pkg-config (ICU and RE2 are Requires.private: listed by
#    `pkg-config --static` only);
# 2. builds tests/package/subdir, which takes vnie in with add_subdirectory()
#    as a shared library: only the library is built, and `nm -D` shows that
#    it exports the API and none of the internals (hidden visibility).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
prefix=$(mktemp -d)
work=$(mktemp -d)
sub=$(mktemp -d)
trap 'rm -rf "$prefix" "$work" "$sub"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -1)
libdir=${libdir%/pkgconfig}
export PKG_CONFIG_PATH="$libdir/pkgconfig:$prefix/share/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
if pkg-config --libs vnie | grep -q icu; then
  echo "package test: FAIL pkg-config --libs vnie lists ICU (it should be Requires.private)"
  exit 1
fi
pkg-config --static --libs vnie | grep -q -- -licuuc || {
  echo "package test: FAIL pkg-config --static --libs vnie lacks ICU"; exit 1; }
static=OFF
if [ -e "$libdir/libvnie.a" ] && [ ! -e "$libdir/libvnie.so" ]; then static=ON; fi
cmake -S tests/package -B "$work" -DCMAKE_PREFIX_PATH="$prefix" -DVNIE_PKGCONFIG_STATIC=$static >/dev/null
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
  python_tests=1
else
  echo "(no Python package in this build)"
  python_tests=0
fi

# add_subdirectory, shared, no build type (-O0: the quickest compile).
cmake -S tests/package/subdir -B "$sub" -DVNIE_SOURCE_DIR="$PWD" -DBUILD_SHARED_LIBS=ON >/dev/null
cmake --build "$sub" -j "$(nproc)" >/dev/null
"$sub/consumer_subdir"
so=$(ls "$sub"/vnie/libvnie.so.* | head -1)
symbols=$(nm -D --defined-only -C "$so")
exported=$(grep -c ' vnie::' <<<"$symbols" || true)
internal=$(grep -E ' (vnie::(detail|norm|enc|values|entities|events|rules)::|vnie::Extractor::Impl)' <<<"$symbols" || true)
if [ -n "$internal" ]; then
  echo "package test: FAIL libvnie.so exports internal symbols:"
  head -5 <<<"$internal"
  exit 1
fi
for api in 'vnie::Extractor::create' 'vnie::to_json_line' 'vnie::decode(' 'vnie::Normalizer::normalize'; do
  grep -qF "$api" <<<"$symbols" || { echo "package test: FAIL libvnie.so does not export $api"; exit 1; }
done
echo "package test: libvnie.so exports $exported vnie:: symbols, no internal one"
echo "package test: $((3 + python_tests)) passed, 0 failed (find_package, pkg-config, add_subdirectory$([ "$python_tests" = 1 ] && echo ", the Python package"))"

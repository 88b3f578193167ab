#!/usr/bin/env bash
# The throughput benchmark of docs/performance.md, in one command:
#   scripts/bench.sh [FILE]      (default: ../shared/bench/dantri-2020-2021.txt)
# Builds vnie (RelWithDebInfo) in $BUILD_DIR (default: build/) if needed, then
# runs `vnie bench` (full pipeline: normalize, prefilter, rules, productions,
# events, JSON output; 1 thread and all cores; uconv -x any-nfc compared) on
#   1. the file as it is (NFC news text),
#   2. the same text decomposed (NFD, made with uconv -x any-nfd),
#   3. about 1 MB, the whole file (about 10 MB) and the file ten times (about 100 MB),
# to show that the cost grows linearly with the input.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/bench/dantri-2020-2021.txt}
build_dir=${BUILD_DIR:-build}
if [[ ! -r "$file" ]]; then
  echo "bench: cannot read $file (the benchmark text lives in ../shared/bench/)" >&2
  exit 2
fi
if [[ ! -x "$build_dir/vnie" ]]; then
  scripts/install-deps.sh
  scripts/build.sh -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
vnie="$build_dir/vnie"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "### 1. $file (NFC)"
"$vnie" bench "$file"

echo
echo "### 2. the same text in NFD"
if command -v uconv >/dev/null; then
  uconv -f utf-8 -t utf-8 -x any-nfd "$file" > "$tmp/nfd.txt"
  "$vnie" bench --threads 1 "$tmp/nfd.txt"
else
  echo "uconv not found (package icu-devtools): NFD run skipped"
fi

echo
echo "### 3. linear cost: 1 MB, the whole file, the file ten times (1 thread)"
head -c 1000000 "$file" | sed '$d' > "$tmp/1mb.txt"
for run in "$tmp/1mb.txt:1" "$file:1" "$file:10"; do
  f=${run%:*} k=${run##*:}
  "$vnie" bench --threads 1 --repeat "$k" "$f" |
    grep -E '^(input|total|peak RSS)' | sed "s|$tmp/||"
  echo
done

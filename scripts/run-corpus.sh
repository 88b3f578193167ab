#!/usr/bin/env bash
# The main job: installs dependencies, builds, and extracts every article of
# corpus/ with the embedded default rules into build/out/: corpus.jsonl (one
# JSON object per article), events.csv (one row per event, with a byte order
# mark for spreadsheets) and report.html (the texts with what was found in
# them, and the events as tables: open it in a browser). Prints per article
# its events, one line each, then the three paths.
# (Tests run it with VNIE_SKIP_SETUP=1, BUILD_DIR holding vnie, VNIE_OUT_DIR.)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${VNIE_SKIP_SETUP:-}" ]; then
  scripts/install-deps.sh
  scripts/build.sh
fi
build=${BUILD_DIR:-build}
out=${VNIE_OUT_DIR:-$build/out}
mkdir -p "$out"
"$build/vnie" extract corpus/ > "$out/corpus.jsonl"
"$build/vnie" extract --format csv --bom corpus/ > "$out/events.csv"
"$build/vnie" extract --format html corpus/ > "$out/report.html"
echo
python3 scripts/summary.py "$out/corpus.jsonl"
echo
echo "JSON Lines:  $out/corpus.jsonl"
echo "CSV:         $out/events.csv"
echo "HTML report: $out/report.html"

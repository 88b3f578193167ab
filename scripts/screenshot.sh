#!/usr/bin/env bash
# Regenerates docs/report.png, the screenshot of the HTML report shown in the
# README: `vnie extract --format html corpus/` in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/vnie" extract --format html corpus/ > "$work/report.html"
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
  --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1150,1000 --screenshot="$work/report.png" "file://$work/report.html#mark=8" \
  2>/dev/null >/dev/null
python3 scripts/png-check.py "$work/report.png"
cp "$work/report.png" docs/report.png
echo "screenshot: docs/report.png ($(stat -c %s docs/report.png) bytes)"

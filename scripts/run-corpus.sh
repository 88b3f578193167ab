#!/usr/bin/env bash
# The main job: installs dependencies, builds, and extracts every article of
# corpus/ with the embedded default rules, printing one JSON line per article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
"${BUILD_DIR:-build}/vnie" extract corpus/

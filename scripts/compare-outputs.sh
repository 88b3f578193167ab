#!/usr/bin/env bash
# Compares what two vnie binaries extract, to show that an engine change keeps
# its results (docs/performance.md):
#
#   scripts/compare-outputs.sh OLD_BIN NEW_BIN [OUT_DIR]
#
# Runs both over
#   1. corpus/ (text mode, one document per article, JSON Lines),
#   2. ../shared/data/award_union_sentences.tsv (the sentence column, one
#      document per line),
#   3. ../shared/bench/dantri-2020-2021.txt (one document per line),
# writes OLD_BIN's and NEW_BIN's outputs to OUT_DIR (default: a temporary
# folder, removed at the end unless given), and prints for each input whether
# the outputs are byte-identical, and if not how many documents differ and the
# first differing lines. Exit status: 0 when all are identical, 1 otherwise,
# 2 on a usage error. An input that is missing (no ../shared) is skipped with
# a message.
#
# OLD_BIN may also be a directory of saved outputs (corpus.jsonl,
# sentences.jsonl, dantri.jsonl) from an earlier run, so the old engine's
# results can be kept while the new one is built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 2 ]]; then
  echo "usage: scripts/compare-outputs.sh OLD_BIN|OLD_DIR NEW_BIN [OUT_DIR]" >&2
  exit 2
fi
old=$1 new=$2
out=${3:-}
if [[ -z "$out" ]]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/old" "$out/new"
shared=../shared
sentences="$shared/data/award_union_sentences.tsv"
dantri="$shared/bench/dantri-2020-2021.txt"

# run BIN NAME: writes $out/<side>/NAME.jsonl
run() {
  local bin=$1 side=$2 name=$3
  case $name in
    corpus) "$bin" extract --threads 2 corpus/ ;;
    sentences) tail -n +2 "$sentences" | cut -f3 |
      "$bin" extract --threads 2 --input lines - ;;
    dantri) "$bin" extract --threads 2 --input lines "$dantri" ;;
  esac > "$out/$side/$name.jsonl"
}

status=0
for name in corpus sentences dantri; do
  case $name in
    sentences) [[ -r "$sentences" ]] || { echo "$name: skipped ($sentences not found)"; continue; } ;;
    dantri) [[ -r "$dantri" ]] || { echo "$name: skipped ($dantri not found)"; continue; } ;;
  esac
  if [[ -d "$old" ]]; then
    cp "$old/$name.jsonl" "$out/old/$name.jsonl"
  else
    run "$old" old "$name"
  fi
  run "$new" new "$name"
  if cmp -s "$out/old/$name.jsonl" "$out/new/$name.jsonl"; then
    echo "$name: identical ($(wc -l < "$out/new/$name.jsonl") documents)"
  else
    status=1
    n=$(diff <(cat -n "$out/old/$name.jsonl") <(cat -n "$out/new/$name.jsonl") | grep -c '^<' || true)
    echo "$name: $n of $(wc -l < "$out/old/$name.jsonl") documents differ; first differences:"
    # head closes the pipe early: diff's SIGPIPE must not end the script (pipefail).
    { diff "$out/old/$name.jsonl" "$out/new/$name.jsonl" || true; } | head -c 3000 | cut -c1-400 || true
    echo
  fi
done
exit $status

#!/usr/bin/env bash
# Streaming test of `vnie extract --input jsonl` (docs/scaling.md).
#
#   scripts/stream-test.sh [MB] [VNIE]
#
# Generates a JSON Lines stream of about MB megabytes (default 16) from the
# corpus/*.txt articles (ids unique: NAME#ROUND), with a few bad lines mixed
# in (invalid JSON, no "text", one line of 2 MB over --max-doc-bytes), pipes
# it through `vnie extract --input jsonl` (all cores) and checks that
#   - every input line gives exactly one output line, in order;
#   - the exit code is 1 (bad lines) and nothing aborts;
#   - peak resident memory stays under VNIE_STREAM_MAX_RSS_MB (default 200);
#   - the output equals a --threads 1 run over the same stream, and equals
#     processing sampled documents one at a time (VNIE_STREAM_SAMPLES, default 20).
# VNIE: the vnie binary (default: build/vnie). Needs bash, awk, coreutils and
# GNU time (/usr/bin/time, Debian package "time") or /proc for the peak RSS.
set -euo pipefail

mb=${1:-16}
root=$(cd "$(dirname "$0")/.." && pwd)
vnie=${2:-${VNIE:-$root/build/vnie}}
max_rss_mb=${VNIE_STREAM_MAX_RSS_MB:-200}
samples=${VNIE_STREAM_SAMPLES:-20}
max_doc=1000000

[[ "$mb" =~ ^[0-9]+$ && "$mb" -gt 0 ]] || { echo "usage: $0 [MB] [VNIE]" >&2; exit 2; }
[ -x "$vnie" ] || { echo "stream-test: no vnie binary at $vnie (build first)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vnie-stream.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --------------------------------------------------------------- the stream
# One round: every corpus article as {"id": NAME, "text": ...}, JSON-escaped by awk.
LC_ALL=C awk '
  function esc(s) {
    gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
    return s
  }
  FNR == 1 && NR > 1 { print "{\"id\":\"" name "\",\"text\":\"" text "\"}"; text = "" }
  FNR == 1 { n = split(FILENAME, parts, "/"); name = parts[n]; sep = "" }
  { text = text sep esc($0); sep = "\\n" }
  END { print "{\"id\":\"" name "\",\"text\":\"" text "\"}" }
' "$root"/corpus/*.txt > "$tmp/round.jsonl"

round_bytes=$(wc -c < "$tmp/round.jsonl")
target=$((mb * 1000000))
rounds=$(( (target + round_bytes - 1) / round_bytes ))
# Rounds with unique ids; after each round a bad line; in the middle one line of
# 2 MB (over --max-doc-bytes: read and dropped without being held).
LC_ALL=C awk -v rounds="$rounds" '
  { docs[NR] = $0 }
  END {
    big = "x"; while (length(big) < 2000000) big = big big
    for (r = 1; r <= rounds; r++) {
      for (i = 1; i <= NR; i++) { d = docs[i]; sub(/","text"/, "#" r "\",\"text\"", d); print d }
      if (r % 2) print "{\"id\": \"bad#" r "\", \"text\": "; else print "{\"id\": \"notext#" r "\"}"
      if (r == int((rounds + 1) / 2)) print big
    }
  }
' "$tmp/round.jsonl" > "$tmp/stream.jsonl"
stream_bytes=$(wc -c < "$tmp/stream.jsonl")
stream_lines=$(wc -l < "$tmp/stream.jsonl")
echo "stream-test: $stream_lines lines, $stream_bytes bytes ($rounds rounds of the corpus)"

# ------------------------------------------------------------------ the run
# Runs vnie on the stream through a pipe; sets rc, secs, rss_kb.
run() {  # OUT ARGS...
  local out=$1; shift
  if [ -x /usr/bin/time ]; then
    set +e
    cat "$tmp/stream.jsonl" | /usr/bin/time -f "%M %e" -o "$tmp/time" \
      "$vnie" extract --input jsonl --max-doc-bytes $max_doc "$@" > "$out"
    rc=${PIPESTATUS[1]}
    set -e
    read -r rss_kb secs < <(tail -n 1 "$tmp/time")
  else  # poll the peak (VmHWM) of the process
    local start end pid hwm
    start=$(date +%s.%N)
    "$vnie" extract --input jsonl --max-doc-bytes $max_doc "$@" < <(cat "$tmp/stream.jsonl") \
      > "$out" &
    pid=$!
    rss_kb=0
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && [ "$hwm" -gt "$rss_kb" ] && rss_kb=$hwm
      sleep 0.1
    done
    set +e; wait "$pid"; rc=$?; set -e
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  fi
}

fail=0
run "$tmp/out.jsonl"
out_lines=$(wc -l < "$tmp/out.jsonl")
rate=$(awk -v b="$stream_bytes" -v s="$secs" 'BEGIN { printf "%.2f", (s > 0 ? b / 1e6 / s : 0) }')
echo "stream-test: all cores: ${secs} s, ${rate} MB/s, peak RSS $((rss_kb / 1024)) MB, exit $rc"
if [ "$rc" -ne 1 ]; then echo "stream-test: FAIL: exit code $rc, expected 1 (bad lines)"; fail=1; fi
if [ "$out_lines" -ne "$stream_lines" ]; then
  echo "stream-test: FAIL: $out_lines output lines for $stream_lines input lines"; fail=1
fi
if [ $((rss_kb / 1024)) -ge "$max_rss_mb" ]; then
  echo "stream-test: FAIL: peak RSS $((rss_kb / 1024)) MB >= $max_rss_mb MB"; fail=1
fi
errors=$(grep -c '^{"id":"[^"]*","error":' "$tmp/out.jsonl" || true)
if [ "$errors" -ne $((rounds + 1)) ]; then
  echo "stream-test: FAIL: $errors error lines, expected $((rounds + 1))"; fail=1
fi

# Same output with one thread.
all_rss=$rss_kb
run "$tmp/out1.jsonl" --threads 1
echo "stream-test: --threads 1: ${secs} s, peak RSS $((rss_kb / 1024)) MB"
if ! cmp -s "$tmp/out.jsonl" "$tmp/out1.jsonl"; then
  echo "stream-test: FAIL: output differs from --threads 1"; fail=1
fi

# Same output as each sampled document alone (documents, not the bad lines).
step=$(( stream_lines / samples )); [ "$step" -ge 1 ] || step=1
checked=0
for ((k = 1; k <= stream_lines && checked < samples; k += step)); do
  line=$(sed -n "${k}p" "$tmp/stream.jsonl")
  case "$line" in '{"id":"'*'#'*'","text":'*) ;; *) continue ;; esac
  alone=$(printf '%s\n' "$line" | "$vnie" extract --input jsonl --threads 1) || true
  if [ "$alone" != "$(sed -n "${k}p" "$tmp/out.jsonl")" ]; then
    echo "stream-test: FAIL: line $k differs from processing it alone"; fail=1
  fi
  checked=$((checked + 1))
done
echo "stream-test: $checked documents checked one by one"

if [ "$fail" -ne 0 ]; then exit 1; fi
echo "stream-test: ok: $stream_bytes bytes, peak RSS $((all_rss / 1024)) MB < $max_rss_mb MB"

#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang (library and harnesses
# under ASan + UBSan), builds their seed corpora from corpus/ and rules/, and
# runs each fuzzer for SECONDS (default 60). Fails if any fuzzer finds a
# crash, a sanitizer report, a failed check, a timeout or an out-of-memory.
#
#   scripts/fuzz.sh [SECONDS]        # BUILD_DIR=build-fuzz by default
#
# The corpora grow in BUILD_DIR/corpus/NAME and are reused by the next run;
# crashing inputs are written to BUILD_DIR/artifacts/. Seeds are generated
# here, never committed. See docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${BUILD_DIR:-build-fuzz}
fuzzers=(fuzz_normalize fuzz_extract fuzz_rules)
export LC_ALL=C

echo "fuzz: configuring and building $build (clang, ASan + UBSan, libFuzzer)"
t0=$(date +%s)
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNIE_FUZZ=ON -DVNIE_BUILD_TESTS=OFF \
  -DVNIE_BUILD_TOOLS=OFF -DVNIE_BUILD_BENCH=OFF -DVNIE_BUILD_EXAMPLES=OFF > "$build/configure.log" \
  || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j"$(nproc)" --target "${fuzzers[@]}"
t1=$(date +%s)
echo "fuzz: build took $((t1 - t0)) s"

# ---------------------------------------------------------------- seeds
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/fuzz_normalize" "$seeds/fuzz_extract" "$seeds/fuzz_rules"
# Articles whole, and each paragraph (non-empty line) alone. The normalizer's
# first byte chooses its options: the seeds cycle through the six.
for f in corpus/*.txt; do
  base=$(basename "$f" .txt)
  cp "$f" "$seeds/fuzz_extract/$base"
  awk -v dir="$seeds" -v base="$base" '
    length($0) > 0 {
      n++
      e = sprintf("%s/fuzz_extract/%s-%03d", dir, base, n)
      printf "%s", $0 > e; close(e)
      z = sprintf("%s/fuzz_normalize/%s-%03d", dir, base, n)
      printf "%d%s", n % 6, $0 > z; close(z)
    }' "$f"
done
# Hostile shapes as seeds too (short: the fuzzer grows them).
printf '0Vie\xcc\xa3\xcc\x82t ho\xc3\xa0 \xff\xe1\xbb \xe2\x80\x8b\xc2\xa0x' > "$seeds/fuzz_normalize/hostile"
printf 'ng\xc3\xa0y 12/3/2020 \xff 1.1.1.1 ------ 542 ng\xc6\xb0\xe1\xbb\x9di\x00' > "$seeds/fuzz_extract/hostile"
# Rule files whole, and each rule alone with every macro of the defaults
# before it and the word lists it names after it ("%%NAME" sections).
find rules -name '*.rules' | sort > "$seeds/.files"
grep -h '^macro ' $(cat "$seeds/.files") > "$seeds/.macros" || true
n=0
while read -r f; do
  base=$(basename "$f" .rules)
  cp "$f" "$seeds/fuzz_rules/$base"
  awk -v out="$seeds/.rule-$base-" '
    /^rule / { n++; file = sprintf("%s%03d", out, n) }
    file != "" { print > file }
    /^end[ \t]*$/ && file != "" { close(file); file = "" }' "$f"
done < "$seeds/.files"
for r in "$seeds"/.rule-*; do
  [ -e "$r" ] || continue
  n=$((n + 1))
  out="$seeds/fuzz_rules/rule-$(basename "$r" | sed 's/^\.rule-//')"
  { cat "$seeds/.macros" "$r"
    for l in $(grep -o '{{list:[a-z0-9_]*}}' "$r" | sed 's/{{list:\(.*\)}}/\1/' | sort -u); do
      [ -f "rules/lists/$l.txt" ] && { echo "%%$l"; cat "rules/lists/$l.txt"; }
    done
  } > "$out"
done
rm -f "$seeds"/.rule-* "$seeds/.files" "$seeds/.macros"
# Inputs that once showed a bug (fuzz/regressions/README.md) run every time.
for r in fuzz/regressions/extract-*; do [ -e "$r" ] && cp "$r" "$seeds/fuzz_extract/"; done
for r in fuzz/regressions/rules-*; do [ -e "$r" ] && cp "$r" "$seeds/fuzz_rules/"; done
for z in "${fuzzers[@]}"; do
  echo "fuzz: $(ls "$seeds/$z" | wc -l) seeds for $z"
done

# ---------------------------------------------------------------- runs
declare -A max_len=([fuzz_normalize]=4096 [fuzz_extract]=4096 [fuzz_rules]=8192)
mkdir -p "$build/artifacts" "$build/logs"
failed=()
for z in "${fuzzers[@]}"; do
  mkdir -p "$build/corpus/$z"
  log="$build/logs/$z.log"
  echo "fuzz: running $z for $seconds s (log: $log)"
  status=0
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$build/fuzz/$z" -max_total_time="$seconds" -max_len="${max_len[$z]}" -timeout=10 \
      -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$build/artifacts/$z-" \
      "$build/corpus/$z" "$seeds/$z" > "$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 || true)
  units=$(ls "$build/corpus/$z" | wc -l)
  echo "fuzz: $z: exit $status, ${execs:-?} runs ($(( ${execs:-0} / (seconds > 0 ? seconds : 1) )) /s), $cov, $ft, corpus $units"
  if [ "$status" -ne 0 ]; then
    failed+=("$z")
    grep -E 'ERROR|FUZZ CHECK|SUMMARY|runtime error|Test unit written|^    #[0-9]' "$log" | head -40 || true
  fi
done
echo "fuzz: total $(( $(date +%s) - t0 )) s"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $build/artifacts/, logs in $build/logs/)"
  exit 1
fi
echo "fuzz: no crash"

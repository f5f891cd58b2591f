#!/usr/bin/env bash
# Long fuzzing on demand (CI runs the short seeded fuzz inside `swift test`).
#
#   scripts/fuzz.sh TARGET [RUNS]     TARGET: csv | arguments | model |
#                                     model-types | output-paths
#
# Builds fitlogit-fuzz with libFuzzer and AddressSanitizer into .build-fuzz,
# starts from fuzz/corpus/TARGET, and stops after RUNS inputs (default 10
# million). A crash writes its input to fuzz/crashes/; replay it with
# `swift run fitlogit-fuzz TARGET fuzz/crashes/FILE` and keep it in the
# corpus once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh csv|arguments|model|model-types|output-paths [RUNS]}
runs=${2:-10000000}
swift build -c release --product fitlogit-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 \
  | grep -v "Cannot export local symbol" | tail -1
mkdir -p fuzz/crashes "fuzz/work/$target" "fuzz/corpus/$target"
# SignalCleanup keeps each staged path's C string for the life of the process
# (a signal handler may read it at any moment), so a process that runs
# thousands of commands, as this one does, "leaks" them by design.
leaks=()
if [ "$target" = output-paths ]; then
  leaks=(-detect_leaks=0)
  export ASAN_OPTIONS=detect_leaks=0
fi
start=$(date +%s)
FITLOGIT_FUZZ_TARGET=$target .build-fuzz/release/fitlogit-fuzz \
  "fuzz/work/$target" "fuzz/corpus/$target" \
  -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=fuzz/crashes/ -print_final_stats=1 "${leaks[@]}" 2>&1 \
  | grep -E "^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
echo "$target: $runs runs requested, $(( $(date +%s) - start )) s"

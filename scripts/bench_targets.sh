#!/bin/bash
# The measurements behind BENCHMARKS.md "Targets and where they stand":
# every row of the performance issue's table, each beside its reference in
# the same run, RUNS (default 3) repeats with fitlogit and the reference
# interleaved. Release builds; the data files (not committed) go to
# $BENCH_DIR (default /tmp/fitlogit-bench), made by scripts/gen_bench_data.py
# when missing. Prints key=value lines; BENCHMARKS.md quotes the medians.
#
# Usage: scripts/bench_targets.sh [ROW...]   ROW: e2e pass parse predict
#        (default all; e2e runs 1e6x20, 2e5x50 with 10 classes, 1e6x100
#        and 1e5x1000, the last two 1.9 GB of CSV each; E2E_SIZES="1e6x100"
#        picks some of them)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${BENCH_DIR:-/tmp/fitlogit-bench}"
RUNS="${RUNS:-3}"
mkdir -p "$DIR"
swift build -c release --product fitlogit >/dev/null
swift build -c release --product fitlogit-bench >/dev/null
BIN=.build/release
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(e2e pass parse predict)

# data NAME: the path of bench_NAME.csv (ROWSxCOLUMNS[kCLASSES]), made once.
data() {
  local f="$DIR/bench_$1.csv" spec=$1 k=2
  if [[ $spec == *k* ]]; then k=${spec#*k}; spec=${spec%k*}; fi
  [ -f "$f" ] || python3 scripts/gen_bench_data.py "${spec%x*}" "${spec#*x}" "$f" "$k" >&2
  echo "$f"
}
# timed LABEL COMMAND...: wall seconds and peak RSS of one run, its output kept.
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" >"$DIR/out.txt" 2>"$DIR/err.txt"
  read -r s kb <"$DIR/time.txt"
  echo "$label wall_s=$s peak_rss_MB=$((kb / 1024))"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m) $(nproc) cores;" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for row in "${rows[@]}"; do
  case $row in
  e2e)
    for size in ${E2E_SIZES:-1e6x20 2e5x50k10 1e6x100 1e5x1000}; do
      f=$(data "$size")
      # Both tools read the file from the page cache: read it once first
      # (otherwise whichever runs first after another size pays the disk).
      cat "$f" >/dev/null
      echo "## end to end $size ($(stat -Lc %s "$f") bytes), load $(cut -d' ' -f1 /proc/loadavg)"
      for i in $(seq "$RUNS"); do
        timed "fitlogit" $BIN/fitlogit fit "$f" --json
        python3 -c "import json; d = json.load(open('$DIR/out.txt')); print(' fitlogit_n_iter=%s log_loss=%r' % (d['n_iter'], d['log_loss']))"
        timed "python" python3 scripts/bench_sklearn.py "$f"
        echo " $(cat "$DIR/out.txt")"
      done
    done
    ;;
  pass)
    # fitlogit's blocked pass (median of 9) against the C reference pass
    # (scripts/reference_pass.c: AVX2 + libmvec, 2 threads), binary on
    # 1e6x20 and multinomial on 2e5x50 with 10 classes.
    if gcc -O3 -mavx2 -mfma -ffast-math -fopenmp -o "$DIR/reference_pass" \
      scripts/reference_pass.c -lm 2>"$DIR/gcc.txt"; then
      for i in $(seq "$RUNS"); do
        echo "reference $(OMP_NUM_THREADS=2 "$DIR/reference_pass" | tail -1)"
        $BIN/fitlogit-bench "$(data 1e6x20)" --only objective --repeat 9 | grep blocked_eval
      done
      for i in $(seq "$RUNS"); do
        echo "multinomial reference $(OMP_NUM_THREADS=2 "$DIR/reference_pass" 200000 50 10 | tail -1)"
        echo "multinomial 2e5x50k10: $($BIN/fitlogit-bench "$(data 2e5x50k10)" --only objective --repeat 9 | grep blocked_eval)"
      done
    else
      echo "reference_pass.c did not build: $(head -1 "$DIR/gcc.txt")"
    fi
    ;;
  parse)
    # The mapped-file parse on two cores (what the CLI does), interleaved
    # with the plain-C two-thread parser of the same file
    # (scripts/parse_reference.c, correctly rounded too); pandas' read_csv
    # of the same file is py_read_s in the e2e rows. PARSE_SIZES picks the
    # files (default 1e6x20).
    gcc -O3 -pthread -o "$DIR/parse_reference" scripts/parse_reference.c
    for size in ${PARSE_SIZES:-1e6x20}; do
      f=$(data "$size")
      echo "## parse $size ($(stat -Lc %s "$f") bytes), load $(cut -d' ' -f1 /proc/loadavg)"
      for i in $(seq "$RUNS"); do
        echo "fitlogit $($BIN/fitlogit-bench "$f" --only parse --mode mmap --repeat 5 | grep -o 'parse_s=.*')"
        echo "reference $("$DIR/parse_reference" "$f" 2 5 | tail -1)"
      done
    done
    ;;
  predict)
    f=$(data 1e6x20)
    $BIN/fitlogit fit "$f" --save "$DIR/model.json" >/dev/null
    for i in $(seq "$RUNS"); do
      timed "fitlogit predict --proba" $BIN/fitlogit predict "$DIR/model.json" "$f" --proba
      cp "$DIR/out.txt" "$DIR/p_fitlogit.csv"
      timed "python predict_proba + to_csv" python3 scripts/bench_predict_sklearn.py "$DIR/model.json" "$f"
      echo " $(cat "$DIR/err.txt")"
    done
    python3 -c "
import pandas as pd
a = pd.read_csv('$DIR/p_fitlogit.csv'); b = pd.read_csv('$DIR/out.txt')
print('predict rows', len(a), len(b), 'max |difference|', float((a - b).abs().max().max()))"
    ;;
  *) echo "unknown row $row (e2e pass parse predict)" >&2; exit 64 ;;
  esac
done

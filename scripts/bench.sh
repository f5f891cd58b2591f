#!/bin/bash
# Reproduces BENCHMARKS.md: parse, objective, fit and end-to-end timings of
# fitlogit, and (when python3 with pandas and scikit-learn is present) the
# same file through pandas.read_csv + LogisticRegression().fit + log_loss.
#
# Usage: scripts/bench.sh [SIZE...]     SIZE is ROWSxFEATURES or
#        ROWSxFEATURESkCLASSES (2e5x50k10: 10 classes), default
#        1e4x20 1e5x20 1e6x20 1e5x200.  Data goes to $BENCH_DIR
#        (default /tmp/fitlogit-bench), never into the repository.
#        scripts/bench.sh scale       how time and peak RSS grow with n
#        (1e4..1e6, and 1e7 with SCALE_1E7=1: a 3.9 GB file), d (10..1000)
#        and K (2..100), fitlogit fit against scikit-learn, one markdown
#        table; each cell the median of $RUNS runs.
#        scripts/bench.sh predict     fitlogit predict --proba on 1e6x20
#        against pandas + predict_proba + to_csv.
#
# Each size also runs the plain-C calibrator scripts/reference_pass.c (the
# same pass shape, 2 threads, AVX2 + libmvec; built below when gcc is
# present) right before fitlogit's pass, and prints the ratio; and
# scripts/kernel_calibration.c, both passes on one core in CPU time.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${BENCH_DIR:-/tmp/fitlogit-bench}"
RUNS="${RUNS:-3}"
mkdir -p "$DIR"
swift build -c release --product fitlogit >/dev/null
swift build -c release --product fitlogit-bench >/dev/null
BIN=.build/release
HAVE_REF=0
if command -v gcc >/dev/null &&
  gcc -O3 -mavx2 -mfma -ffast-math -fopenmp -o "$DIR/reference_pass" \
    scripts/reference_pass.c -lm 2>/dev/null; then
  HAVE_REF=1
  # The same comparison on one core in CPU time (steadier on a busy machine).
  gcc -O3 -mavx2 -mfma -ffast-math -fopenmp-simd -DREFERENCE_BLOCKS_ONLY \
    -c scripts/reference_pass.c -o "$DIR/reference_blocks.o" &&
    clang -O2 -ISources/FitlogitKernels/include -o "$DIR/kernel_calibration" \
      scripts/kernel_calibration.c Sources/FitlogitKernels/[A-Z]*.c \
      "$DIR/reference_blocks.o" -lmvec -lm || HAVE_REF=0
fi
HAVE_PY=0
python3 -c "import pandas, sklearn" 2>/dev/null && HAVE_PY=1

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m) $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# article fit: fitlogit data/points.csv, median of 21 runs (ms):"
for i in $(seq 21); do
  s=$(date +%s%N); $BIN/fitlogit data/points.csv >/dev/null; e=$(date +%s%N)
  echo $(( (e - s) / 1000 ))
done | median | awk '{printf "points_ms=%.1f\n", $1/1000}'

# One row of the scale table: fitlogit fit and scikit-learn on one file.
scale_row() {
  local n=$1 d=$2 k=$3 f="$DIR/bench_${1}x${2}.csv"
  [ "$k" = 2 ] || f="$DIR/bench_${1}x${2}k${3}.csv"
  if [ ! -f "$f" ]; then python3 scripts/gen_bench_data.py "$n" "$d" "$f" "$k"; fi
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" $BIN/fitlogit fit "$f" --json >"$DIR/out.json"
    cat "$DIR/time.txt"
  done > "$DIR/scale_f.txt"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" python3 scripts/bench_sklearn.py "$f" >/dev/null
    cat "$DIR/time.txt"
  done > "$DIR/scale_p.txt"
  local ft fr pt pr
  ft=$(cut -d' ' -f1 "$DIR/scale_f.txt" | median); fr=$(cut -d' ' -f2 "$DIR/scale_f.txt" | median)
  pt=$(cut -d' ' -f1 "$DIR/scale_p.txt" | median); pr=$(cut -d' ' -f2 "$DIR/scale_p.txt" | median)
  echo "| $n | $d | $k | $(( $(stat -c %s "$f") / 1000000 )) MB | $ft s | $((fr / 1024)) MB |" \
    "$pt s | $((pr / 1024)) MB | $(awk "BEGIN {printf \"%.1f\", $pt / $ft}")× |"
}

if [ "${1:-}" = scale ]; then
  echo "| n | d | K | file | fitlogit fit | peak RSS | pandas + scikit-learn | peak RSS | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for n in 1e4 1e5 1e6; do scale_row "$n" 20 2; done
  [ "${SCALE_1E7:-0}" = 1 ] && scale_row 1e7 20 2
  for d in 10 100 1000; do scale_row 1e5 "$d" 2; done
  for k in 10 100; do scale_row 1e5 20 "$k"; done
  exit 0
fi

if [ "${1:-}" = predict ]; then
  f="$DIR/bench_1e6x20.csv"
  [ -f "$f" ] || python3 scripts/gen_bench_data.py 1e6 20 "$f"
  $BIN/fitlogit fit "$f" --save "$DIR/model.json" >/dev/null
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "fitlogit_predict_s=%e peak_rss_MB=%M(kB)" \
      $BIN/fitlogit predict "$DIR/model.json" "$f" --proba >"$DIR/p_fitlogit.csv"
    /usr/bin/time -f "python_predict_s=%e peak_rss_MB=%M(kB)" \
      python3 scripts/bench_predict_sklearn.py "$DIR/model.json" "$f" >"$DIR/p_python.csv"
  done
  python3 -c "
import pandas as pd, sys
a = pd.read_csv('$DIR/p_fitlogit.csv'); b = pd.read_csv('$DIR/p_python.csv')
print('rows', len(a), len(b), 'max |difference|', float((a - b).abs().max().max()))"
  exit 0
fi

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1e4x20 1e5x20 1e6x20 1e5x200)
for size in "${sizes[@]}"; do
  n=${size%%x*}; rest=${size#*x}; d=${rest%k*}; k=2
  [ "$rest" != "$d" ] && k=${rest#*k}
  f="$DIR/bench_${n}x${d}.csv"
  [ "$k" != 2 ] && f="$DIR/bench_${n}x${d}k${k}.csv"
  if [ ! -f "$f" ]; then
    if [ $HAVE_PY = 1 ]; then python3 scripts/gen_bench_data.py "$n" "$d" "$f" "$k"
    elif [ "$k" = 2 ]; then $BIN/fitlogit-bench --generate "$n" "$d" "$f"
    else echo "$size: needs python3 with scikit-learn to generate" >&2; exit 1; fi
  fi
  echo "## $size ($(stat -c %s "$f") bytes), load $(cut -d' ' -f1 /proc/loadavg)"
  if [ $HAVE_REF = 1 ]; then
    ref=$(OMP_NUM_THREADS=2 "$DIR/reference_pass" "$(printf '%.0f' "$n")" "$d" "$k" | tail -1)
    echo "$ref (plain C, AVX2 + libmvec, 2 threads)"
    "$DIR/kernel_calibration" "$n" "$d" "$k" | tail -2 | head -1
  fi
  $BIN/fitlogit-bench "$f" --repeat 5 | tee "$DIR/bench.txt"
  if [ $HAVE_REF = 1 ]; then
    awk -v r="${ref#*=}" '/objective_blocked_eval_s=/ {
      split($1, a, "="); printf "pass_over_reference=%.2f\n", a[2] * 1e3 / r }' "$DIR/bench.txt"
  fi
  echo "one core: $($BIN/fitlogit-bench "$f" --only parse --repeat 5 --mode serial | grep -oE 'parse_s=.*|peak_rss_MB=.*' | tr '\n' ' ')"
  echo "mapped file (Dataset(csvFile:)): $($BIN/fitlogit-bench "$f" --only parse --repeat 3 --mode mmap | grep -oE 'parse_s=.*|peak_rss_MB=.*' | tr '\n' ' ')"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" $BIN/fitlogit fit "$f" --json >"$DIR/out.json"
    cat "$DIR/time.txt"
  done > "$DIR/e2e.txt"
  e2e=$(cut -d' ' -f1 "$DIR/e2e.txt" | median)
  rss=$(cut -d' ' -f2 "$DIR/e2e.txt" | median)
  loss=$(python3 -c "import json; print(json.load(open('$DIR/out.json'))['log_loss'])" 2>/dev/null || echo "?")
  echo "fitlogit_e2e_s=$e2e fitlogit_peak_rss_MB=$((rss / 1024)) fitlogit_log_loss=$loss"
  if [ $HAVE_PY = 1 ]; then
    for i in $(seq "$RUNS"); do
      /usr/bin/time -f "%e %M" -o "$DIR/time.txt" python3 scripts/bench_sklearn.py "$f" > "$DIR/py.txt"
      echo "$(cat "$DIR/time.txt") $(cat "$DIR/py.txt")"
    done > "$DIR/py_runs.txt"
    py=$(cut -d' ' -f1 "$DIR/py_runs.txt" | median)
    pyrss=$(cut -d' ' -f2 "$DIR/py_runs.txt" | median)
    tail -1 "$DIR/py_runs.txt" | cut -d' ' -f3-
    echo "python_e2e_s=$py python_peak_rss_MB=$((pyrss / 1024))" \
      "speedup=$(awk "BEGIN {printf \"%.2f\", $py / $e2e}")"
  fi
done

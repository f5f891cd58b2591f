#!/usr/bin/env bash
# Times `fitlogit DATA --plot DIR` (release build) on one-feature files of
# 200,000 and 1,000,000 rows: an age-like feature rounded to 2 decimals and
# a label drawn from a logistic model (seeded), and prints the page's size.
#
#   scripts/bench_plot.sh            # BENCH_DIR=/tmp/fitlogit-plot-bench
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/fitlogit-plot-bench}
mkdir -p "$dir"
swift build -c release --product fitlogit >/dev/null
for n in 200000 1000000; do
  csv="$dir/age-$n.csv"
  [ -f "$csv" ] || python3 - "$n" "$csv" <<'PY'
import math, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(2)
with open(path, "w") as f:
    f.write("age,survived\n")
    for _ in range(n):
        x = round(random.gauss(30, 14), 2)
        p = 1 / (1 + math.exp(-(0.05 * (x - 30) + 0.3)))
        f.write(f"{x},{int(random.random() < p)}\n")
PY
  rm -rf "$dir/plot-$n"
  /usr/bin/time -f "$n rows: --plot %e s wall, %M KB peak RSS" \
    .build/release/fitlogit "$csv" --plot "$dir/plot-$n" >/dev/null
  /usr/bin/time -f "$n rows: fit alone %e s wall" .build/release/fitlogit "$csv" >/dev/null
  echo "$n rows: index.html $(wc -c <"$dir/plot-$n/index.html") bytes," \
    "all files $(du -sk "$dir/plot-$n" | cut -f1) KB"
done

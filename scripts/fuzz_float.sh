#!/bin/sh
# Millions of random literals through parseDouble, and as many fields through
# the AVX2 number scanner (where the CPU has AVX2), bit for bit against strtod.
# Usage: scripts/fuzz_float.sh [COUNT] [SEED]   (default 5000000, seed 1)
set -e
cd "$(dirname "$0")/.."
FITLOGIT_FUZZ_COUNT="${1:-5000000}" FITLOGIT_FUZZ_SEED="${2:-1}" \
  swift test -c release --filter 'FloatParserTests.manyMoreOnDemand|NumberScanTests.manyMoreOnDemand'

#!/usr/bin/env bash
# The arm64 (NEON) kernels, run for real under emulation, on demand: `swift
# test` cannot run arm64 code on an x86-64 machine, so this script is not
# part of it.
#
#   scripts/test_arm64_kernels.sh
#
# Needs clang (the Swift toolchain's), qemu-aarch64 and an aarch64 Linux
# cross sysroot and linker (Debian: apt-get install qemu-user
# gcc-aarch64-linux-gnu libc6-dev-arm64-cross). Cross-compiles
# Sources/FitlogitKernels with scripts/arm64_kernel_check.c for aarch64 Linux
# (clang -O2, as a release build compiles them), runs NEON against the
# portable baseline and a long-double (IEEE quad) reference on every shape
# in the harness under qemu-aarch64, and exits 1 if any output is outside
# its derived bound (the harness's header comment derives it). First the
# same harness runs natively (x86-64: AVX2 + FMA against baseline), which
# checks the harness itself. Then the kernels compile (-fsyntax-only) for
# arm64 and x86-64 macOS, without an SDK (-ffreestanding: no Mac here).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/arm64-check
mkdir -p "$out"
kernels=(Sources/FitlogitKernels/*.c)
flags=(-O2 -std=gnu11 -Wall -Wextra -Werror -I Sources/FitlogitKernels/include)

echo "native ($(uname -m)):"
clang "${flags[@]}" "${kernels[@]}" scripts/arm64_kernel_check.c -lm -o "$out/check-native"
"$out/check-native"

echo "aarch64 Linux under qemu-aarch64:"
objects=()
for source in "${kernels[@]}" scripts/arm64_kernel_check.c; do
  object="$out/$(basename "$source" .c).aarch64.o"
  clang -target aarch64-linux-gnu --sysroot=/usr/aarch64-linux-gnu \
    -isystem /usr/aarch64-linux-gnu/include "${flags[@]}" -c "$source" -o "$object"
  objects+=("$object")
done
aarch64-linux-gnu-gcc "${objects[@]}" -lm -o "$out/check-aarch64"
qemu-aarch64 -L /usr/aarch64-linux-gnu "$out/check-aarch64"

for target in arm64-apple-macos14 x86_64-apple-macos13; do
  clang -target "$target" -ffreestanding -fsyntax-only "${flags[@]}" "${kernels[@]}"
  echo "$target: the kernels compile"
done

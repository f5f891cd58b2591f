// Eisel–Lemire's conversion of w·10^q to the nearest double, the one copy:
// the Swift float parser (FitlogitData's NumberParser.swift) calls it, as
// do the vector number scanner (NumberScan.c) and the plain-C parse
// calibrator (scripts/parse_reference.c), all on the table of 5^q that
// scripts/gen_powers_of_five.py generates (FitlogitData's PowersOfFive.swift).
// Static inline, so that each caller, Swift included, compiles it in place.
#ifndef FITLOGIT_EISEL_LEMIRE_H
#define FITLOGIT_EISEL_LEMIRE_H

#include <stdint.h>

/// The smallest and largest q of the table of 5^q
/// (Sources/FitlogitData/PowersOfFive.swift).
enum { FL_SMALLEST_Q = -342, FL_LARGEST_Q = 308 };

/// The bits of the double nearest to w·10^q (w > 0, no sign), or 1 when the
/// truncated 128-bit product cannot decide the rounding (Lemire, "Number
/// parsing at a gigabyte per second", 2021; fast_float's compute_float):
/// the top bits of w·5^q and a shift. `powers` holds 5^q for q from −342
/// to 308, normalized, 128 bits each, high word first. +∞ on overflow, 0 on
/// underflow, rounded to even on an exact halfway product. Always inlined:
/// Swift calls it once per number, and a call costs more than it saves.
static inline __attribute__((always_inline)) int fl_eisel_lemire(
    uint64_t w, int q, const uint64_t *powers, uint64_t *bits) {
  if (q < FL_SMALLEST_Q) { *bits = 0; return 0; }
  if (q > FL_LARGEST_Q) { *bits = 0x7FFull << 52; return 0; }
  const int lz = __builtin_clzll(w);
  const uint64_t normalized = w << lz;
  const int index = 2 * (q - FL_SMALLEST_Q);
  const unsigned __int128 product = (unsigned __int128)normalized * powers[index];
  uint64_t hi = (uint64_t)(product >> 64), lo = (uint64_t)product;
  if ((hi & 0x1FF) == 0x1FF) {
    const uint64_t second =
        (uint64_t)(((unsigned __int128)normalized * powers[index + 1]) >> 64);
    const uint64_t sum = lo + second;
    if (sum < lo) hi += 1;
    lo = sum;
  }
  if (lo == UINT64_MAX && (q < -27 || q > 55)) return 1;
  const int upper = (int)(hi >> 63);
  const int shift = upper + 64 - 52 - 3;
  uint64_t mantissa = hi >> shift;
  int power2 = ((217706 * q) >> 16) + 63 + upper - lz + 1023;
  if (power2 <= 0) {
    if (-power2 + 1 >= 64) { *bits = 0; return 0; }
    mantissa >>= -power2 + 1;
    mantissa += mantissa & 1;
    mantissa >>= 1;
    power2 = mantissa < (1ull << 52) ? 0 : 1;
    *bits = (uint64_t)power2 << 52 | mantissa;
    return 0;
  }
  if (lo <= 1 && q >= -4 && q <= 23 && (mantissa & 3) == 1 &&
      (mantissa << shift) == hi)
    mantissa &= ~1ull;
  mantissa += mantissa & 1;
  mantissa >>= 1;
  if (mantissa >= (2ull << 52)) { mantissa = 1ull << 52; power2 += 1; }
  mantissa &= ~(1ull << 52);
  if (power2 >= 0x7FF) { *bits = 0x7FFull << 52; return 0; }
  *bits = (uint64_t)power2 << 52 | mantissa;
  return 0;
}

#endif

// The CSV parser's fast path for runs of plain decimal numbers, with AVX2:
// a field's end and its digits are found by 32-byte compares (the point is
// the one other byte allowed after the sign), so a number's shape is known
// before any digit is converted, and its digits are converted by vector
// multiply-adds with no branch per byte (the Swift scanner in FitlogitData's
// NumberParser.swift walks the bytes and branches on each, which was most
// of the parse's time).
//
// It reads only what it is sure of: `[+-]digits[.digits]` with at most 19
// digits (at most 15 before the point) whose double Eisel–Lemire decides,
// ending at the delimiter, `\n` or `\r`. Everything else (an exponent,
// blanks, text, a missing cell, a long number, a field near either end of
// the buffer) is left to the Swift parser, which gives the same value, or
// the error, and is the baseline path on every CPU.
#include "FitlogitKernels.h"
#include "VectorMath.h"

#if FL_X86
#include <immintrin.h>

static const uint64_t powers_of_ten[17] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull,
    1000000000000ull, 10000000000000ull, 100000000000000ull,
    1000000000000000ull, 10000000000000000ull};

/// vpshufb controls that close the gap of the point in the low lane, whose
/// 16 bytes end `leading` (0...3) digits after the point: the bytes before
/// the point move up one place (byte 0 becomes zero), so the integer digits
/// and the fraction's first `leading` digits end the lane as one run. The
/// high lane is left as it is.
static const uint8_t close_point[4][32] = {
    {0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
     0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15,
     0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15,
     0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15,
     0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}};

/// 16 bytes from `keep_masks + m` are 16 − m zeros, then m 0xFF bytes: the
/// mask that keeps the last m bytes of a 16-byte load.
static const uint8_t keep_masks[32] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255};

FL_AVX2 static ptrdiff_t scan_avx2(const uint8_t *begin, const uint8_t *p,
                                   const uint8_t *end, uint8_t delimiter,
                                   ptrdiff_t count, const uint64_t *powers,
                                   double *out, const uint8_t **next) {
  const __m256i separator = _mm256_set1_epi8((char)delimiter);
  const __m256i newline = _mm256_set1_epi8('\n');
  const __m256i carriage = _mm256_set1_epi8('\r');
  const __m256i zero = _mm256_set1_epi8('0');
  const __m256i nine = _mm256_set1_epi8(9);
  const uint8_t *after = p;  // just past the last field read
  ptrdiff_t i = 0;
  // Digits are read from up to 15 bytes before a field's start, and 32
  // bytes are classified from its start: both must lie inside the buffer.
  if (p - begin < 16) { *next = p; return 0; }
  for (; i < count; i++) {
    const uint8_t *q = p;
    if (i > 0) {
      if (*after != delimiter) break;
      q = after + 1;
    }
    if (end - q < 32) break;
    const __m256i v = _mm256_loadu_si256((const __m256i *)q);
    const uint32_t ends = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
        _mm256_cmpeq_epi8(v, separator),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, newline),
                        _mm256_cmpeq_epi8(v, carriage))));
    if (ends == 0) break;  // 32 bytes or more: not a plain number
    const __m256i t = _mm256_sub_epi8(v, zero);  // a digit iff t ≤ 9, unsigned
    const uint32_t digits =
        (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(t, nine), t));
    const int length = __builtin_ctz(ends);  // ≤ 31
    const int sign = (q[0] == '-') | (q[0] == '+');
    // The field's bytes after the sign that are not digits: none, or one '.'.
    const uint32_t others = ((1u << length) - 1) & ~((1u << sign) - 1) & ~digits;
    int dot = length, fraction = 0;
    if (others != 0) {
      dot = __builtin_ctz(others);
      if ((others & (others - 1)) != 0 || q[dot] != '.') break;
      fraction = length - dot - 1;
    }
    const int integer = dot - sign;
    if (integer + fraction == 0 || integer > 15 || integer + fraction > 19)
      break;
    // Both digit runs at once, one per 128-bit lane. High lane: the 16
    // bytes that end the field, all but its last min(fraction, 16) cleared.
    // Low lane: the integer digits, then (for a fraction of 17 to 19
    // digits, as pandas writes 0.14003927017013393) the fraction's first
    // `leading` ones, with the point shifted out. Then pairs, fours and
    // eights of digits by multiply-adds (simdjson's parse_eight_digits,
    // twice per lane): w = low · 10^min(fraction, 16) + high.
    const int leading = fraction > 16 ? fraction - 16 : 0;
    __m256i x = _mm256_set_m128i(
        _mm_loadu_si128((const __m128i *)(q + length - 16)),
        _mm_loadu_si128((const __m128i *)(q + dot + 1 + leading - 16)));
    x = _mm256_shuffle_epi8(x, _mm256_loadu_si256((const __m256i *)close_point[leading]));
    const __m256i keep = _mm256_set_m128i(
        _mm_loadu_si128((const __m128i *)(keep_masks + fraction - leading)),
        _mm_loadu_si128((const __m128i *)(keep_masks + integer + leading)));
    x = _mm256_and_si256(_mm256_sub_epi8(x, zero), keep);
    x = _mm256_maddubs_epi16(x, _mm256_set1_epi16(0x010A));      // 10a + b
    x = _mm256_madd_epi16(x, _mm256_set1_epi32(0x00010064));     // 100a + b
    x = _mm256_packus_epi32(x, x);
    x = _mm256_madd_epi16(x, _mm256_set1_epi32(0x00012710));     // 10⁴a + b
    const uint64_t whole = (uint64_t)_mm256_extract_epi64(x, 0);
    const uint64_t part = (uint64_t)_mm256_extract_epi64(x, 2);
    const uint64_t w =
        ((whole & 0xFFFFFFFF) * 100000000ull + (whole >> 32)) * powers_of_ten[fraction - leading] +
        (part & 0xFFFFFFFF) * 100000000ull + (part >> 32);
    uint64_t bits = 0;
    if (w != 0 && fl_eisel_lemire(w, -fraction, powers, &bits)) break;
    bits |= (uint64_t)(q[0] == '-') << 63;
    __builtin_memcpy(out + i, &bits, 8);
    after = q + length;
  }
  *next = after;
  return i;
}
#endif

int fl_scan_numbers_supported(int path) {
  return FL_X86 && (path == FL_PATH_AVX2_FMA || path == FL_PATH_AVX512);
}

ptrdiff_t fl_scan_numbers(int path, const uint8_t *begin, const uint8_t *p,
                          const uint8_t *end, uint8_t delimiter, ptrdiff_t count,
                          const uint64_t *powers, double *out,
                          const uint8_t **next) {
#if FL_X86
  if (path == FL_PATH_AVX2_FMA || path == FL_PATH_AVX512)
    return scan_avx2(begin, p, end, delimiter, count, powers, out, next);
#endif
  (void)path, (void)begin, (void)end, (void)delimiter, (void)count;
  (void)powers, (void)out;
  *next = p;
  return 0;
}

// The K-class objective over a block of rows as two small matrix products,
// one sweep of each sub-block of rows while it is in L1:
//
//   M = X_s·Wᵀ + b          (rows × K margins, register-blocked: 3 rows ×
//                             12 classes of accumulators, one FMA each;
//                             AVX-512: 4 rows × 16 classes)
//   G = (softmax(M) − Y)·s/S (stable log-sum-exp per row, exp on 4 lanes;
//                             AVX-512: 8)
//   ∇W += Gᵀ·X_s            (3 features × 12 classes of accumulators;
//                             AVX-512: 4 × 16)
//
// The classes are padded to a multiple of the vector width (the pad lanes of
// W are 0, their probabilities are set to 0), so every load is a full
// vector. Written once with clang's vector types (MultinomialLanes.h) and
// compiled three times: baseline and, on x86-64, AVX2 + FMA with four
// lanes, and AVX-512 with eight lanes and a larger tile (32 registers); the
// three differ by rounding and the order of the sums only.
#include "BlocksNEON.h"
#include "FitlogitKernels.h"
#include "MultinomialLayout.h"
#include "VectorMath.h"

/// Enough for every variant: the widest pads K to a multiple of 8.
ptrdiff_t fl_multinomial_scratch(ptrdiff_t d, ptrdiff_t K) {
  return (2 * (d + 1) + FL_SUB_ROWS) * padded_classes(K, 8);
}

/// The register tile, four lanes: FL_TILE_ROWS rows (or features) ×
/// FL_TILE_VECTORS vectors of 4 classes. 3 × 3 = 9 accumulators, 3 loads of
/// W and a broadcast fit AVX2's 16 YMM registers with room to spare (4 × 3
/// spills with clang); K = 10 pads to 12, one tile. Measured on one core of
/// the 2-core EPYC VM, 200k × 50 × 10 (BENCHMARKS.md): 3 × 3 18.0 ms, 2 × 3
/// 17.9, 4 × 2 20.7, 6 × 2 19.4; baseline (SSE2) 42.6, 49.0, 42.4, 39.2.
#define FL_KERNEL narrow
#define FL_LANES 4
#define FL_TILE_ROWS 3
#define FL_TILE_VECTORS 3
#include "MultinomialLanes.h"
#undef FL_KERNEL
#undef FL_LANES
#undef FL_TILE_ROWS
#undef FL_TILE_VECTORS

/// The AVX-512 kernel: FL_WIDE_LANES lanes, a tile of FL_WIDE_TILE_ROWS ×
/// FL_WIDE_TILE_VECTORS, which AVX-512's 32 vector registers hold; K = 10
/// pads to 16, one tile of 4 × 2 × 8 = 64 lanes. Measured on one core of the
/// 2-core EPYC VM, 20k × 50 × 10, against AVX2's 2.55–2.63 ms in the same
/// runs: 8 lanes 4 × 2 2.74–2.78 ms, 3 × 2 2.73, 6 × 2 2.85, 8 × 2 2.94;
/// four lanes EVEX-encoded (AVX-512 VL, 32 registers) 3 × 3 2.47–2.48, 4 × 3
/// 2.54–2.64. This CPU runs a 512-bit FMA at half the rate of a 256-bit
/// one, so eight lanes only pay where they save instructions, and the
/// padding to 16 classes costs more than that (BENCHMARKS.md, "AVX-512").
#ifndef FL_WIDE_LANES
#define FL_WIDE_LANES 8
#endif
#ifndef FL_WIDE_TILE_ROWS
#define FL_WIDE_TILE_ROWS 4
#endif
#ifndef FL_WIDE_TILE_VECTORS
#define FL_WIDE_TILE_VECTORS 2
#endif
#define FL_KERNEL wide
#define FL_LANES FL_WIDE_LANES
#define FL_TILE_ROWS FL_WIDE_TILE_ROWS
#define FL_TILE_VECTORS FL_WIDE_TILE_VECTORS
#include "MultinomialLanes.h"
#undef FL_KERNEL
#undef FL_LANES
#undef FL_TILE_ROWS
#undef FL_TILE_VECTORS

static double multinomial_block_baseline(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  return multinomial_block_narrow(x, rows, d, K, w, fit_intercept, labels, weights, S,
                           g, scratch);
}

#if FL_X86
FL_AVX512 static double multinomial_block_avx512(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  return multinomial_block_wide(x, rows, d, K, w, fit_intercept, labels, weights,
                            S, g, scratch);
}

FL_AVX2 static double multinomial_block_avx2(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  return multinomial_block_narrow(x, rows, d, K, w, fit_intercept, labels, weights, S,
                           g, scratch);
}
#endif

double fl_multinomial_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K,
    const double *w, int fit_intercept, const int64_t *labels,
    const double *weights, double weight_sum, double *g, double *scratch) {
#if FL_X86
  if (path == FL_PATH_AVX512) {
    return multinomial_block_avx512(x, rows, d, K, w, fit_intercept, labels,
                                    weights, weight_sum, g, scratch);
  }
  if (path == FL_PATH_AVX2_FMA) {
    return multinomial_block_avx2(x, rows, d, K, w, fit_intercept, labels,
                                  weights, weight_sum, g, scratch);
  }
#endif
#if defined(__aarch64__)
  if (path == FL_PATH_NEON) {
    return fl_multinomial_block_neon(x, rows, d, K, w, fit_intercept, labels,
                                     weights, weight_sum, g, scratch);
  }
#endif
  (void)path;
  return multinomial_block_baseline(x, rows, d, K, w, fit_intercept, labels,
                                    weights, weight_sum, g, scratch);
}

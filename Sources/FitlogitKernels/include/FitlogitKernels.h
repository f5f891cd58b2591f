// The objective's hot loops in C, each compiled for baseline x86-64 (or
// whatever the target is, e.g. arm64) and, on x86-64, also for AVX2 + FMA
// and for AVX-512; on arm64 there is also a variant written with NEON
// intrinsics (*NEON.c). Which one runs is chosen once, at startup, from cpuid
// (FitlogitCore's KernelPath); one binary runs on every CPU and uses what it
// has.
#ifndef FITLOGIT_KERNELS_H
#define FITLOGIT_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "EiselLemire.h"

/// The kernel variants. FL_PATH_AVX2_FMA exists only where
/// fl_avx2_fma_available() returns 1, FL_PATH_AVX512 only where
/// fl_avx512_available() does, FL_PATH_NEON only on arm64, where every CPU
/// has it (elsewhere it runs the baseline).
enum {
  FL_PATH_BASELINE = 0, FL_PATH_AVX2_FMA = 1, FL_PATH_AVX512 = 2, FL_PATH_NEON = 3
};

/// 1 when this is x86-64 and the CPU and OS support AVX2 and FMA (cpuid and
/// xgetbv); 0 on any other CPU or architecture.
int fl_avx2_fma_available(void);

/// 1 when, besides AVX2 and FMA, the CPU has AVX-512 F, DQ and VL and the
/// OS saves the opmask and ZMM registers (xgetbv: XCR0 bits 5, 6 and 7);
/// 0 on any other CPU or architecture.
int fl_avx512_available(void);

/// One row block of the two-class objective: adds (1/S)·Σ γᵢ·xᵢ to g[0..d)
/// and Σ (1/S)·γᵢ to *intercept, and returns Σ sᵢ·ℓᵢ (half-binomial loss
/// with scikit-learn's branch cutoffs). x is rows×d, row-major; labels are
/// 0/1; weights may be NULL (all 1).
double fl_binary_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w,
    double intercept, const int64_t *labels, const double *weights,
    double weight_sum, double *g, double *intercept_gradient);

/// Doubles of scratch space fl_multinomial_block needs for d features and
/// K classes (the padded W, its gradient, one sub-block's margins).
ptrdiff_t fl_multinomial_scratch(ptrdiff_t d, ptrdiff_t K);

/// One row block of the K-class objective (full softmax): adds
/// (1/S)·Σ sᵢ·(pᵢ − e_{yᵢ})·(xᵢ, 1)ᵀ to g and returns Σ sᵢ·ℓᵢ with
/// ℓᵢ = log Σₖ e^{rᵢₖ} − r_{i,yᵢ}. w and g are in ParameterLayout's order,
/// W[k, j] at k + K·j, the intercepts (j = d) last when fit_intercept is 1;
/// x is rows×d, row-major; labels are class indices in 0..<K; weights may be
/// NULL (all 1); scratch holds fl_multinomial_scratch(d, K) doubles.
double fl_multinomial_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K,
    const double *w, int fit_intercept, const int64_t *labels,
    const double *weights, double weight_sum, double *g, double *scratch);

/// Reads up to `count` consecutive CSV fields at p, each a plain decimal
/// number (`[+-]digits[.digits]`, at most 19 digits and 15 before the
/// point) ending at `delimiter`, `\n` or `\r`, into out[0..<k], correctly
/// rounded (bit for bit strtod), and returns k, stopping at the first field
/// it is not sure of; *next is then where the k-th field ends (its
/// terminator; p when k is 0). Fields are separated by `delimiter` only. It
/// reads from 15 bytes before a field's start to 32 bytes past it, all of it
/// inside [begin, end), or leaves the field alone. `powers` is FitlogitData's
/// table of 5^q (q from −342, two words each). Only the AVX2 variant exists
/// (FL_PATH_AVX2_FMA and FL_PATH_AVX512); any other path returns 0 and the
/// caller's own scanner reads every field.
ptrdiff_t fl_scan_numbers(int path, const uint8_t *begin, const uint8_t *p,
                          const uint8_t *end, uint8_t delimiter, ptrdiff_t count,
                          const uint64_t *powers, double *out,
                          const uint8_t **next);

/// 1 when fl_scan_numbers reads anything on this path (AVX2 and AVX-512 on
/// x86-64), 0 when it always returns 0.
int fl_scan_numbers_supported(int path);

#endif

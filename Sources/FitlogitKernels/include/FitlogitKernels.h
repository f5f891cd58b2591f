// The objective's hot loops in C, each compiled twice: for baseline x86-64
// (or whatever the target is, e.g. arm64) and, on x86-64, for AVX2 + FMA.
// Which one runs is chosen once, at startup, from cpuid (FitlogitCore's
// KernelPath); one binary runs on every CPU and uses what it has.
#ifndef FITLOGIT_KERNELS_H
#define FITLOGIT_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The kernel variants. FL_PATH_AVX2_FMA exists only where
/// fl_avx2_fma_available() returns 1.
enum { FL_PATH_BASELINE = 0, FL_PATH_AVX2_FMA = 1 };

/// 1 when this is x86-64 and the CPU and OS support AVX2 and FMA (cpuid and
/// xgetbv); 0 on any other CPU or architecture.
int fl_avx2_fma_available(void);

/// One row block of the two-class objective: adds (1/S)·Σ γᵢ·xᵢ to g[0..d)
/// and Σ (1/S)·γᵢ to *intercept, and returns Σ sᵢ·ℓᵢ (half-binomial loss
/// with scikit-learn's branch cutoffs). x is rows×d, row-major; labels are
/// 0/1; weights may be NULL (all 1).
double fl_binary_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w,
    double intercept, const int64_t *labels, const double *weights,
    double weight_sum, double *g, double *intercept_gradient);

#endif

// The NEON variants of the two block kernels (BinaryBlockNEON.c,
// MultinomialBlockNEON.c), which fl_binary_block and fl_multinomial_block
// run for FL_PATH_NEON. arm64 only; private to this target: not in include/.
#ifndef FITLOGIT_BLOCKS_NEON_H
#define FITLOGIT_BLOCKS_NEON_H

#if defined(__aarch64__)
#include <stddef.h>
#include <stdint.h>

/// fl_binary_block's contract, on two-lane NEON vectors.
double fl_binary_block_neon(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient);

/// fl_multinomial_block's contract, on two-lane NEON vectors; the scratch
/// layout is MultinomialLayout.h's, two lanes a vector; fl_multinomial_scratch
/// has room for it.
double fl_multinomial_block_neon(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch);
#endif

#endif

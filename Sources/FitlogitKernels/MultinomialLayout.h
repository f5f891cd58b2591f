// The K-class block's scratch layout, shared by every variant of
// fl_multinomial_block (MultinomialLanes.h, MultinomialBlockNEON.c): W and
// its gradient padded to a multiple of the variant's lanes, and the
// sub-blocks of rows that stay in L1. Private to this target: not in
// include/.
#ifndef FITLOGIT_MULTINOMIAL_LAYOUT_H
#define FITLOGIT_MULTINOMIAL_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/// Rows per sub-block at most; fewer when d is large (see sub_rows).
#define FL_SUB_ROWS 64

/// K rounded up to a multiple of the lane count: every vector load of a row
/// of W, of its gradient or of the margins is whole.
static inline ptrdiff_t padded_classes(ptrdiff_t K, ptrdiff_t lanes) {
  return (K + lanes - 1) / lanes * lanes;
}

/// Rows per sub-block: its slice of X (rows·d doubles) stays near 24 KB,
/// inside a 32 KB L1 beside the margins, for both products.
static inline ptrdiff_t sub_rows(ptrdiff_t d) {
  ptrdiff_t r = 3072 / (d > 0 ? d : 1) / 4 * 4;
  return r < 8 ? 8 : r > FL_SUB_ROWS ? FL_SUB_ROWS : r;
}

/// Copies W and the intercepts from ParameterLayout's order (W[k, j] at
/// k + K·j) into wp, (d + 1) rows of Kp classes, zero in the pad classes
/// and in the intercept row when there is none; clears gp, the same shape.
static inline void pack_parameters(
    const double *w, ptrdiff_t d, ptrdiff_t K, ptrdiff_t Kp,
    int fit_intercept, double *wp, double *gp) {
  for (ptrdiff_t j = 0; j <= d; j++) {
    for (ptrdiff_t k = 0; k < Kp; k++) {
      const int real = k < K && (j < d || fit_intercept);
      wp[j * Kp + k] = real ? w[k + K * j] : 0;
      gp[j * Kp + k] = 0;
    }
  }
}

/// The scratch's three parts: W and the intercepts, packed; their gradient,
/// cleared; the margins (then G) of one sub-block of rows.
typedef struct {
  double *wp;  // (d + 1) × Kp: W, then the intercepts
  double *gp;  // (d + 1) × Kp: ∇W, then ∇b
  double *M;   // sub-block rows × Kp: margins, then G
} fl_block_scratch;

static inline fl_block_scratch prepare_scratch(
    double *scratch, const double *w, ptrdiff_t d, ptrdiff_t K, ptrdiff_t Kp,
    int fit_intercept) {
  fl_block_scratch parts = {scratch, scratch + (d + 1) * Kp,
                            scratch + 2 * (d + 1) * Kp};
  pack_parameters(w, d, K, Kp, fit_intercept, parts.wp, parts.gp);
  return parts;
}

/// The rows of X and of M of the n-row tile from row i of a sub-block of r
/// rows (xs, M): a tail shorter than n repeats its last row, which then
/// writes the same margins twice.
static inline void tile_rows(
    const double *xs, double *M, ptrdiff_t r, ptrdiff_t d, ptrdiff_t Kp,
    ptrdiff_t i, int n, const double **xr, double **mr) {
  for (int q = 0; q < n; q++) {
    const ptrdiff_t row = i + q < r ? i + q : r - 1;
    xr[q] = xs + row * d;
    mr[q] = M + row * Kp;
  }
}

/// Adds gp (the padded gradient) to g in ParameterLayout's order; the
/// intercept row only when the model has one.
static inline void add_gradient(
    const double *gp, ptrdiff_t d, ptrdiff_t K, ptrdiff_t Kp,
    int fit_intercept, double *g) {
  for (ptrdiff_t j = 0; j < d; j++) {
    for (ptrdiff_t k = 0; k < K; k++) g[k + K * j] += gp[j * Kp + k];
  }
  if (fit_intercept) {
    for (ptrdiff_t k = 0; k < K; k++) g[k + K * d] += gp[d * Kp + k];
  }
}

#endif

// The K-class objective over a block of rows as two small matrix products,
// one sweep of each sub-block of rows while it is in L1:
//
//   M = X_s·Wᵀ + b          (rows × K margins, register-blocked: 3 rows ×
//                             12 classes of accumulators, one FMA each)
//   G = (softmax(M) − Y)·s/S (stable log-sum-exp per row, exp on 4 lanes)
//   ∇W += Gᵀ·X_s            (3 features × 12 classes of accumulators)
//
// The classes are padded to a multiple of four (the pad lanes of W are 0,
// their probabilities are set to 0), so every load is a full vector. Written
// once with clang's vector types and compiled twice, like BinaryBlock.c:
// baseline and, on x86-64, AVX2 + FMA; the two differ by rounding only.
#include "BlocksNEON.h"
#include "FitlogitKernels.h"
#include "MultinomialLayout.h"
#include "VectorMath.h"

/// The register tile: FL_TILE_ROWS rows (or features) × FL_TILE_VECTORS
/// vectors of 4 classes. 3 × 3 = 9 accumulators, 3 loads of W and a
/// broadcast fit AVX2's 16 YMM registers with room to spare (4 × 3 spills
/// with clang); K = 10 pads to 12, one tile. Measured on one core of the
/// 2-core EPYC VM, 200k × 50 × 10 (BENCHMARKS.md): 3 × 3 18.0 ms, 2 × 3
/// 17.9, 4 × 2 20.7, 6 × 2 19.4; baseline (SSE2) 42.6, 49.0, 42.4, 39.2.
#ifndef FL_TILE_VECTORS
#define FL_TILE_VECTORS 3
#endif
#ifndef FL_TILE_ROWS
#define FL_TILE_ROWS 3
#endif
ptrdiff_t fl_multinomial_scratch(ptrdiff_t d, ptrdiff_t K) {
  return (2 * (d + 1) + FL_SUB_ROWS) * padded_classes(K);
}

/// Margins of nr rows (xr[r], rows of X) for the nv·4 classes from class
/// c: mr[r][c..] = Σ_j xr[r][j]·Wp[j][c..] + Wp[d][c..]. Rows may repeat (a
/// tail shorter than nr); they then write the same values twice.
static FL_INLINE void margins_tile(
    const double *const *xr, ptrdiff_t d, const double *wp, ptrdiff_t Kp,
    ptrdiff_t c, int nr, int nv, double *const *mr) {
  v4d a[FL_TILE_ROWS][FL_TILE_VECTORS];
  for (int r = 0; r < nr; r++) {
    for (int v = 0; v < nv; v++) a[r][v] = fl_splat(0);
  }
  for (ptrdiff_t j = 0; j < d; j++) {
    // nv loads of W, then one broadcast per row.
    const double *wj = wp + j * Kp + c;
    v4d wv[FL_TILE_VECTORS];
    for (int v = 0; v < nv; v++) wv[v] = fl_load(wj + 4 * v);
    for (int r = 0; r < nr; r++) {
      const v4d b = fl_splat(xr[r][j]);
      for (int v = 0; v < nv; v++) a[r][v] += b * wv[v];
    }
  }
  const double *bias = wp + d * Kp + c;
  for (int v = 0; v < nv; v++) {
    const v4d bv = fl_load(bias + 4 * v);
    for (int r = 0; r < nr; r++) fl_store(mr[r] + c + 4 * v, a[r][v] + bv);
  }
}

/// Gp[j + t][c..] += Σ_i x_i[j + t]·G_i[c..] for t < nf features and the
/// nv·4 classes from c, over the sub-block's rows in order.
static FL_INLINE void gradient_tile(
    const double *xs, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t j,
    const double *G, ptrdiff_t Kp, ptrdiff_t c, int nf, int nv, double *gp) {
  v4d a[FL_TILE_ROWS][FL_TILE_VECTORS];
  for (int t = 0; t < nf; t++) {
    for (int v = 0; v < nv; v++) a[t][v] = fl_load(gp + (j + t) * Kp + c + 4 * v);
  }
  for (ptrdiff_t i = 0; i < rows; i++) {
    const double *xi = xs + i * d + j;
    const double *gi = G + i * Kp + c;
    v4d gv[FL_TILE_VECTORS];
    for (int v = 0; v < nv; v++) gv[v] = fl_load(gi + 4 * v);
    for (int t = 0; t < nf; t++) {
      const v4d b = fl_splat(xi[t]);
      for (int v = 0; v < nv; v++) a[t][v] += b * gv[v];
    }
  }
  for (int t = 0; t < nf; t++) {
    for (int v = 0; v < nv; v++) fl_store(gp + (j + t) * Kp + c + 4 * v, a[t][v]);
  }
}

/// The register tiles over all padded classes, each call with constant
/// sizes so that the accumulators stay in registers.
static FL_INLINE void margins_rows(
    const double *const *xr, ptrdiff_t d, const double *wp, ptrdiff_t Kp,
    double *const *mr) {
  ptrdiff_t c = 0;
  for (; c + 4 * FL_TILE_VECTORS <= Kp; c += 4 * FL_TILE_VECTORS)
    margins_tile(xr, d, wp, Kp, c, FL_TILE_ROWS, FL_TILE_VECTORS, mr);
  for (; c + 8 <= Kp; c += 8) margins_tile(xr, d, wp, Kp, c, FL_TILE_ROWS, 2, mr);
  if (c < Kp) margins_tile(xr, d, wp, Kp, c, FL_TILE_ROWS, 1, mr);
}

static FL_INLINE void gradient_features(
    const double *xs, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t j,
    const double *G, ptrdiff_t Kp, int nf, double *gp) {
  ptrdiff_t c = 0;
  for (; c + 4 * FL_TILE_VECTORS <= Kp; c += 4 * FL_TILE_VECTORS)
    gradient_tile(xs, rows, d, j, G, Kp, c, nf, FL_TILE_VECTORS, gp);
  for (; c + 8 <= Kp; c += 8) gradient_tile(xs, rows, d, j, G, Kp, c, nf, 2, gp);
  if (c < Kp) gradient_tile(xs, rows, d, j, G, Kp, c, nf, 1, gp);
}

/// Σ over the block of sᵢ·ℓᵢ, with the gradient added to g; see the header.
static FL_INLINE double multinomial_block(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  const ptrdiff_t Kp = padded_classes(K);
  const fl_block_scratch parts = prepare_scratch(scratch, w, d, K, Kp, fit_intercept);
  const double *wp = parts.wp;
  double *gp = parts.gp, *M = parts.M;
  const ptrdiff_t R = sub_rows(d);
  double loss_sum = 0;
  for (ptrdiff_t i0 = 0; i0 < rows; i0 += R) {
    const ptrdiff_t r = rows - i0 < R ? rows - i0 : R;
    const double *xs = x + i0 * d;
    // 1. Margins, FL_TILE_ROWS rows at a time (a tail repeats its last row).
    for (ptrdiff_t i = 0; i < r; i += FL_TILE_ROWS) {
      const double *xr[FL_TILE_ROWS];
      double *mr[FL_TILE_ROWS];
      tile_rows(xs, M, r, d, Kp, i, FL_TILE_ROWS, xr, mr);
      margins_rows(xr, d, wp, Kp, mr);
    }
    // 2. Per row: log-sum-exp, loss, and G = (p − e_y)·s/S in place of the
    //    margins; four rows share one vector log.
    for (ptrdiff_t i = 0; i < r; i += 4) {
      const int valid = r - i < 4 ? (int)(r - i) : 4;
      v4d sums = fl_splat(1), maxima = fl_splat(0), picked = fl_splat(0);
      for (int q = 0; q < valid; q++) {
        double *mi = M + (i + q) * Kp;
        double mx = mi[0];
        for (ptrdiff_t k = 1; k < K; k++) mx = mi[k] > mx ? mi[k] : mx;
        picked[q] = mi[labels[i0 + i + q]];
        maxima[q] = mx;
        v4d acc = fl_splat(0);
        const v4d mv = fl_splat(mx);
        for (ptrdiff_t k = 0; k < Kp; k += 4) {
          v4d e = fl_exp4(fl_load(mi + k) - mv);
          if (k + 4 > K) {  // the pad lanes: probability 0
            for (int lane = (int)(K - k); lane < 4; lane++) e[lane] = 0;
          }
          fl_store(mi + k, e);
          acc += e;
        }
        sums[q] = fl_sum(acc);
      }
      const v4d lse = fl_log4(sums) + maxima;
      for (int q = 0; q < valid; q++) {
        const ptrdiff_t row = i0 + i + q;
        const double s = weights ? weights[row] : 1;
        const double l = lse[q] - picked[q];
        loss_sum += weights ? l * s : l;
        const double scale = s / S;
        const v4d factor = fl_splat(scale / sums[q]);
        double *mi = M + (i + q) * Kp;
        for (ptrdiff_t k = 0; k < Kp; k += 4) fl_store(mi + k, fl_load(mi + k) * factor);
        mi[labels[row]] -= scale;
        double *gb = gp + d * Kp;
        for (ptrdiff_t k = 0; k < Kp; k += 4) fl_store(gb + k, fl_load(gb + k) + fl_load(mi + k));
      }
    }
    // 3. ∇W += Gᵀ·X_s, four features at a time.
    ptrdiff_t j = 0;
    for (; j + FL_TILE_ROWS <= d; j += FL_TILE_ROWS)
      gradient_features(xs, r, d, j, M, Kp, FL_TILE_ROWS, gp);
    for (; j < d; j++) gradient_features(xs, r, d, j, M, Kp, 1, gp);
  }
  add_gradient(gp, d, K, Kp, fit_intercept, g);
  return loss_sum;
}

static double multinomial_block_baseline(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  return multinomial_block(x, rows, d, K, w, fit_intercept, labels, weights, S,
                           g, scratch);
}

#if FL_X86
FL_AVX2 static double multinomial_block_avx2(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  return multinomial_block(x, rows, d, K, w, fit_intercept, labels, weights, S,
                           g, scratch);
}
#endif

double fl_multinomial_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K,
    const double *w, int fit_intercept, const int64_t *labels,
    const double *weights, double weight_sum, double *g, double *scratch) {
#if FL_X86
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

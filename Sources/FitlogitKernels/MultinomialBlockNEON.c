// The K-class objective over a block of rows on arm64, written with NEON
// intrinsics: the same two small products as MultinomialBlock.c, one sweep
// of each sub-block of rows while it is in L1 (MultinomialLayout.h),
//
//   M = X_s·Wᵀ + b          (4 rows × 10 classes of accumulators)
//   G = (softmax(M) − Y)·s/S (stable log-sum-exp per row, exp on 2 lanes)
//   ∇W += Gᵀ·X_s            (4 features × 10 classes of accumulators)
//
// with register tiles sized for NEON's 32 registers of two doubles: 20
// accumulators, 5 vectors of W (or G) and the row (or feature) values, two
// to a register, used by lane in fused multiply-adds. Each sum adds in
// MultinomialBlock.c's order, so the two differ by the rounding of exp and
// log only. Not measured on real arm64 hardware;
// scripts/test_arm64_kernels.sh checks it against the portable variant
// under emulation.
#include "BlocksNEON.h"

#if defined(__aarch64__)
#include "MultinomialLayout.h"
#include "VectorMathNEON.h"

/// The register tile: FL_NEON_TILE rows (or features) × FL_NEON_VECTORS
/// vectors of two classes; K = 10 is one tile.
#define FL_NEON_TILE 4
#define FL_NEON_VECTORS 5

/// Margins of 4 rows (xr[r]) for the nv·2 classes from class c:
/// mr[r][c..] = Σ_j xr[r][j]·Wp[j][c..] + Wp[d][c..], two features a step,
/// each row's pair of x values in one register. Rows may repeat (a tail
/// shorter than 4); they then write the same values twice.
static FL_INLINE void margins_tile_neon(
    const double *const *xr, ptrdiff_t d, const double *wp, ptrdiff_t Kp,
    ptrdiff_t c, int nv, double *const *mr) {
  v2d a[FL_NEON_TILE][FL_NEON_VECTORS];
  for (int r = 0; r < FL_NEON_TILE; r++) {
    for (int v = 0; v < nv; v++) a[r][v] = fl_dup2(0);
  }
  ptrdiff_t j = 0;
  for (; j + 2 <= d; j += 2) {
    v2d xv[FL_NEON_TILE], wv[FL_NEON_VECTORS];
    for (int r = 0; r < FL_NEON_TILE; r++) xv[r] = vld1q_f64(xr[r] + j);
    for (int v = 0; v < nv; v++) wv[v] = vld1q_f64(wp + j * Kp + c + 2 * v);
    for (int r = 0; r < FL_NEON_TILE; r++) {
      for (int v = 0; v < nv; v++) a[r][v] = vfmaq_laneq_f64(a[r][v], wv[v], xv[r], 0);
    }
    for (int v = 0; v < nv; v++) wv[v] = vld1q_f64(wp + (j + 1) * Kp + c + 2 * v);
    for (int r = 0; r < FL_NEON_TILE; r++) {
      for (int v = 0; v < nv; v++) a[r][v] = vfmaq_laneq_f64(a[r][v], wv[v], xv[r], 1);
    }
  }
  if (j < d) {
    for (int r = 0; r < FL_NEON_TILE; r++) {
      const v2d xj = vld1q_dup_f64(xr[r] + j);
      for (int v = 0; v < nv; v++)
        a[r][v] = vfmaq_f64(a[r][v], xj, vld1q_f64(wp + j * Kp + c + 2 * v));
    }
  }
  const double *bias = wp + d * Kp + c;
  for (int v = 0; v < nv; v++) {
    const v2d bv = vld1q_f64(bias + 2 * v);
    for (int r = 0; r < FL_NEON_TILE; r++)
      vst1q_f64(mr[r] + c + 2 * v, vaddq_f64(a[r][v], bv));
  }
}

/// Gp[j + t][c..] += Σ_i x_i[j + t]·G_i[c..] for 2·np + odd features from
/// j (np pairs, used by lane, then one more when odd is 1) and the nv·2
/// classes from c, over the sub-block's rows in order.
static FL_INLINE void gradient_tile_neon(
    const double *xs, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t j,
    const double *G, ptrdiff_t Kp, ptrdiff_t c, int np, int odd, int nv,
    double *gp) {
  const int nf = 2 * np + odd;
  v2d a[FL_NEON_TILE][FL_NEON_VECTORS];
  for (int t = 0; t < nf; t++) {
    for (int v = 0; v < nv; v++) a[t][v] = vld1q_f64(gp + (j + t) * Kp + c + 2 * v);
  }
  for (ptrdiff_t i = 0; i < rows; i++) {
    const double *xi = xs + i * d + j;
    const double *gi = G + i * Kp + c;
    v2d gv[FL_NEON_VECTORS];
    for (int v = 0; v < nv; v++) gv[v] = vld1q_f64(gi + 2 * v);
    for (int p = 0; p < np; p++) {
      const v2d xv = vld1q_f64(xi + 2 * p);
      for (int v = 0; v < nv; v++) {
        a[2 * p][v] = vfmaq_laneq_f64(a[2 * p][v], gv[v], xv, 0);
        a[2 * p + 1][v] = vfmaq_laneq_f64(a[2 * p + 1][v], gv[v], xv, 1);
      }
    }
    if (odd) {
      const v2d xt = vld1q_dup_f64(xi + 2 * np);
      for (int v = 0; v < nv; v++) a[2 * np][v] = vfmaq_f64(a[2 * np][v], xt, gv[v]);
    }
  }
  for (int t = 0; t < nf; t++) {
    for (int v = 0; v < nv; v++) vst1q_f64(gp + (j + t) * Kp + c + 2 * v, a[t][v]);
  }
}

/// The tiles over the Kp classes (K rounded up to even): whole tiles of
/// FL_NEON_VECTORS, then one narrower tile; each call has constant sizes,
/// so that its accumulators stay in registers.
static FL_INLINE void margins_rows_neon(
    const double *const *xr, ptrdiff_t d, const double *wp, ptrdiff_t Kp,
    double *const *mr) {
  ptrdiff_t c = 0;
  for (; c + 2 * FL_NEON_VECTORS <= Kp; c += 2 * FL_NEON_VECTORS)
    margins_tile_neon(xr, d, wp, Kp, c, FL_NEON_VECTORS, mr);
  switch ((Kp - c) / 2) {
    case 4: margins_tile_neon(xr, d, wp, Kp, c, 4, mr); break;
    case 3: margins_tile_neon(xr, d, wp, Kp, c, 3, mr); break;
    case 2: margins_tile_neon(xr, d, wp, Kp, c, 2, mr); break;
    case 1: margins_tile_neon(xr, d, wp, Kp, c, 1, mr); break;
    default: break;
  }
}

static FL_INLINE void gradient_features_neon(
    const double *xs, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t j,
    const double *G, ptrdiff_t Kp, int np, int odd, double *gp) {
  ptrdiff_t c = 0;
  for (; c + 2 * FL_NEON_VECTORS <= Kp; c += 2 * FL_NEON_VECTORS)
    gradient_tile_neon(xs, rows, d, j, G, Kp, c, np, odd, FL_NEON_VECTORS, gp);
  switch ((Kp - c) / 2) {
    case 4: gradient_tile_neon(xs, rows, d, j, G, Kp, c, np, odd, 4, gp); break;
    case 3: gradient_tile_neon(xs, rows, d, j, G, Kp, c, np, odd, 3, gp); break;
    case 2: gradient_tile_neon(xs, rows, d, j, G, Kp, c, np, odd, 2, gp); break;
    case 1: gradient_tile_neon(xs, rows, d, j, G, Kp, c, np, odd, 1, gp); break;
    default: break;
  }
}

/// exp(m − max) in place of two margins, the second 0 when it is a pad
/// class (left, the classes from here, is 1).
static FL_INLINE v2d exponentials_pair(double *m, v2d max, ptrdiff_t left) {
  v2d e = fl_exp2d(vsubq_f64(vld1q_f64(m), max));
  if (left == 1) e = vsetq_lane_f64(0, e, 1);
  vst1q_f64(m, e);
  return e;
}

/// One row's exponentials in place of its margins, exp(m_k − max) for the
/// K classes and 0 in the pad class up to Kp; returns their sum and sets
/// *max. The sum adds classes k mod 4 on their own, then pairs them, as
/// MultinomialBlock.c's four lanes do.
static FL_INLINE double exponentials_row(double *mi, ptrdiff_t K, ptrdiff_t Kp,
                                         double *max) {
  double mx = mi[0];
  for (ptrdiff_t k = 1; k < K; k++) mx = mi[k] > mx ? mi[k] : mx;
  *max = mx;
  const v2d mv = fl_dup2(mx);
  v2d acc0 = fl_dup2(0), acc1 = fl_dup2(0);
  for (ptrdiff_t k = 0; k < Kp; k += 4) {
    acc0 = vaddq_f64(acc0, exponentials_pair(mi + k, mv, K - k));
    if (k + 2 < Kp) acc1 = vaddq_f64(acc1, exponentials_pair(mi + k + 2, mv, K - k - 2));
  }
  return vaddvq_f64(acc0) + vaddvq_f64(acc1);
}

double fl_multinomial_block_neon(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  const ptrdiff_t Kp = padded_classes(K, 2);
  const fl_block_scratch parts = prepare_scratch(scratch, w, d, K, Kp, fit_intercept);
  const double *wp = parts.wp;
  double *gp = parts.gp, *M = parts.M;
  const ptrdiff_t R = sub_rows(d);
  double loss_sum = 0;
  for (ptrdiff_t i0 = 0; i0 < rows; i0 += R) {
    const ptrdiff_t r = rows - i0 < R ? rows - i0 : R;
    const double *xs = x + i0 * d;
    // 1. Margins, four rows at a time (a tail repeats its last row).
    for (ptrdiff_t i = 0; i < r; i += FL_NEON_TILE) {
      const double *xr[FL_NEON_TILE];
      double *mr[FL_NEON_TILE];
      tile_rows(xs, M, r, d, Kp, i, FL_NEON_TILE, xr, mr);
      margins_rows_neon(xr, d, wp, Kp, mr);
    }
    // 2. Per row: log-sum-exp, loss, and G = (p − e_y)·s/S in place of the
    //    margins; two rows share one vector log (a lone last row pairs
    //    with itself).
    for (ptrdiff_t i = 0; i < r; i += 2) {
      const int valid = r - i < 2 ? 1 : 2;
      double *m0 = M + i * Kp, *m1 = M + (i + valid - 1) * Kp;
      const double picked0 = m0[labels[i0 + i]];
      const double picked1 = m1[labels[i0 + i + valid - 1]];
      double max0, max1 = 0;
      const double sum0 = exponentials_row(m0, K, Kp, &max0);
      const double sum1 = valid > 1 ? exponentials_row(m1, K, Kp, &max1) : sum0;
      const v2d sums = {sum0, sum1}, maxima = {max0, valid > 1 ? max1 : max0};
      const v2d lse = vaddq_f64(fl_log2d(sums), maxima);
      const double picked[2] = {picked0, picked1};
      double *gb = gp + d * Kp;
      for (int q = 0; q < valid; q++) {
        const ptrdiff_t row = i0 + i + q;
        const double s = weights ? weights[row] : 1;
        const double l = (q == 0 ? vgetq_lane_f64(lse, 0) : vgetq_lane_f64(lse, 1)) -
                         picked[q];
        loss_sum += weights ? l * s : l;
        const double scale = s / S;
        const v2d factor = fl_dup2(scale / (q == 0 ? sum0 : sum1));
        double *mi = q == 0 ? m0 : m1;
        for (ptrdiff_t k = 0; k < Kp; k += 2)
          vst1q_f64(mi + k, vmulq_f64(vld1q_f64(mi + k), factor));
        mi[labels[row]] -= scale;
        for (ptrdiff_t k = 0; k < Kp; k += 2)
          vst1q_f64(gb + k, vaddq_f64(vld1q_f64(gb + k), vld1q_f64(mi + k)));
      }
    }
    // 3. ∇W += Gᵀ·X_s, four features at a time, then 1-3 more.
    ptrdiff_t j = 0;
    for (; j + FL_NEON_TILE <= d; j += FL_NEON_TILE)
      gradient_features_neon(xs, r, d, j, M, Kp, 2, 0, gp);
    switch (d - j) {
      case 3: gradient_features_neon(xs, r, d, j, M, Kp, 1, 1, gp); break;
      case 2: gradient_features_neon(xs, r, d, j, M, Kp, 1, 0, gp); break;
      case 1: gradient_features_neon(xs, r, d, j, M, Kp, 0, 1, gp); break;
      default: break;
    }
  }
  add_gradient(gp, d, K, Kp, fit_intercept, g);
  return loss_sum;
}
#endif

// The two-class objective over a block of rows on arm64, written with NEON
// intrinsics: four rows at a time as two pairs of lanes, each margin's dot
// product on two accumulators of two columns, exp and log1p on two lanes
// (VectorMathNEON.h), and the gradient update as fused multiply-adds by
// lane, so no broadcast is needed. Its sums add in BinaryBlock.c's order
// (its four lanes are two pairs here), so the two differ by the rounding
// of exp and log only; scripts/test_arm64_kernels.sh bounds the difference.
#include "BlocksNEON.h"

#if defined(__aarch64__)
#include "RowQuad.h"
#include "VectorMathNEON.h"

/// Σⱼ x[j]·w[j] for one row: two accumulators over four columns a step
/// (BinaryBlock.c's four lanes), added as it adds them, then the 0-3
/// leftover columns one by one.
static FL_INLINE double dot_row(const double *x, const double *w, ptrdiff_t d) {
  v2d a0 = fl_dup2(0), a1 = fl_dup2(0);
  ptrdiff_t j = 0;
  for (; j + 4 <= d; j += 4) {
    a0 = vfmaq_f64(a0, vld1q_f64(x + j), vld1q_f64(w + j));
    a1 = vfmaq_f64(a1, vld1q_f64(x + j + 2), vld1q_f64(w + j + 2));
  }
  double sum = vaddvq_f64(a0) + vaddvq_f64(a1);
  for (; j < d; j++) sum += x[j] * w[j];
  return sum;
}

double fl_binary_block_neon(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient) {
  const ptrdiff_t pairs = d / 2 * 2;
  // Rows 0-1 and 2-3 of each group of four: BinaryBlock.c's four lanes.
  v2d loss01 = fl_dup2(0), loss23 = fl_dup2(0);
  v2d intercept01 = fl_dup2(0), intercept23 = fl_dup2(0);
  for (ptrdiff_t i = 0; i < rows; i += 4) {
    const fl_row_quad q = row_quad(x, rows, d, i);
    const int valid = q.valid;
    const ptrdiff_t i1 = q.row[1], i2 = q.row[2], i3 = q.row[3];
    const double *x0 = q.x[0], *x1 = q.x[1], *x2 = q.x[2], *x3 = q.x[3];
    const v2d r01 = {dot_row(x0, w, d) + b, dot_row(x1, w, d) + b};
    const v2d r23 = {dot_row(x2, w, d) + b, dot_row(x3, w, d) + b};
    const v2d y01 = {(double)labels[i], (double)labels[i1]};
    const v2d y23 = {(double)labels[i2], (double)labels[i3]};
    v2d l01, l23, gamma01, gamma23;
    fl_half_binomial2d(y01, r01, &l01, &gamma01);
    fl_half_binomial2d(y23, r23, &l23, &gamma23);
    if (weights != NULL || valid < 4) {
      const v2d s01 = {weights ? weights[i] : 1,
                       valid > 1 ? (weights ? weights[i1] : 1) : 0};
      const v2d s23 = {valid > 2 ? (weights ? weights[i2] : 1) : 0,
                       valid > 3 ? (weights ? weights[i3] : 1) : 0};
      l01 = vmulq_f64(l01, s01);
      l23 = vmulq_f64(l23, s23);
      gamma01 = vmulq_f64(gamma01, s01);
      gamma23 = vmulq_f64(gamma23, s23);
    }
    loss01 = vaddq_f64(loss01, l01);
    loss23 = vaddq_f64(loss23, l23);
    const v2d G01 = vdivq_f64(gamma01, fl_dup2(S));
    const v2d G23 = vdivq_f64(gamma23, fl_dup2(S));
    intercept01 = vaddq_f64(intercept01, G01);
    intercept23 = vaddq_f64(intercept23, G23);
    // g[j..j+2) += (x0·G0 + x1·G1) + (x2·G2 + x3·G3), by lane.
    for (ptrdiff_t j = 0; j < pairs; j += 2) {
      v2d s0 = vmulq_laneq_f64(vld1q_f64(x0 + j), G01, 0);
      v2d s1 = vmulq_laneq_f64(vld1q_f64(x2 + j), G23, 0);
      s0 = vfmaq_laneq_f64(s0, vld1q_f64(x1 + j), G01, 1);
      s1 = vfmaq_laneq_f64(s1, vld1q_f64(x3 + j), G23, 1);
      vst1q_f64(g + j, vaddq_f64(vld1q_f64(g + j), vaddq_f64(s0, s1)));
    }
    if (pairs < d) {
      const ptrdiff_t j = pairs;
      g[j] += (x0[j] * vgetq_lane_f64(G01, 0) + x1[j] * vgetq_lane_f64(G01, 1)) +
              (x2[j] * vgetq_lane_f64(G23, 0) + x3[j] * vgetq_lane_f64(G23, 1));
    }
  }
  *intercept_gradient += vaddvq_f64(intercept01) + vaddvq_f64(intercept23);
  return vaddvq_f64(loss01) + vaddvq_f64(loss23);
}
#endif

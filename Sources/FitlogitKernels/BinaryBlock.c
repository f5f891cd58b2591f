// The two-class objective over a block of rows, four rows at a time, with
// exp and log1p on four lanes (fdlibm's reductions and polynomials, as
// VectorMath.swift). Written once with clang's vector types and compiled
// twice: the baseline function (SSE2 on x86-64, NEON on arm64) and, on
// x86-64 only, an AVX2 + FMA one, where clang contracts a*b + c into FMA:
// the two paths differ by rounding only (KernelDispatchTests bounds it).
#include "BlocksNEON.h"
#include "FitlogitKernels.h"
#include "RowQuad.h"
#include "VectorMath.h"

/// Σ over the block; FL_INLINE so that each caller below gets its own copy
/// compiled for its own target.
static FL_INLINE double binary_block(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient) {
  const ptrdiff_t quads = d / 4 * 4;
  v4d loss_sum = fl_splat(0);
  v4d intercept_sum = fl_splat(0);
  for (ptrdiff_t i = 0; i < rows; i += 4) {
    const fl_row_quad q = row_quad(x, rows, d, i);
    const int valid = q.valid;
    const ptrdiff_t i1 = q.row[1], i2 = q.row[2], i3 = q.row[3];
    const double *x0 = q.x[0], *x1 = q.x[1], *x2 = q.x[2], *x3 = q.x[3];
    v4d a0 = fl_splat(0), a1 = fl_splat(0), a2 = fl_splat(0), a3 = fl_splat(0);
    for (ptrdiff_t j = 0; j < quads; j += 4) {
      v4d wj = fl_load(w + j);
      a0 += fl_load(x0 + j) * wj;
      a1 += fl_load(x1 + j) * wj;
      a2 += fl_load(x2 + j) * wj;
      a3 += fl_load(x3 + j) * wj;
    }
    v4d r = {fl_sum(a0), fl_sum(a1), fl_sum(a2), fl_sum(a3)};
    for (ptrdiff_t j = quads; j < d; j++) {
      v4d xj = {x0[j], x1[j], x2[j], x3[j]};
      r += xj * w[j];
    }
    r += b;
    v4d y = {(double)labels[i], (double)labels[i1], (double)labels[i2],
             (double)labels[i3]};
    v4d l, gamma;
    fl_half_binomial4(y, r, &l, &gamma);
    if (weights != NULL || valid < 4) {
      v4d s = {weights ? weights[i] : 1, weights ? weights[i1] : 1,
               weights ? weights[i2] : 1, weights ? weights[i3] : 1};
      if (valid < 2) s[1] = 0;
      if (valid < 3) s[2] = 0;
      if (valid < 4) s[3] = 0;
      l *= s;
      gamma *= s;
    }
    loss_sum += l;
    const v4d G = gamma / S;
    intercept_sum += G;
    const v4d G0 = fl_splat(G[0]), G1 = fl_splat(G[1]), G2 = fl_splat(G[2]),
              G3 = fl_splat(G[3]);
    for (ptrdiff_t j = 0; j < quads; j += 4) {
      v4d sum = fl_load(g + j) + ((fl_load(x0 + j) * G0 + fl_load(x1 + j) * G1) +
                                  (fl_load(x2 + j) * G2 + fl_load(x3 + j) * G3));
      fl_store(g + j, sum);
    }
    for (ptrdiff_t j = quads; j < d; j++) {
      g[j] += (x0[j] * G[0] + x1[j] * G[1]) + (x2[j] * G[2] + x3[j] * G[3]);
    }
  }
  *intercept_gradient += fl_sum(intercept_sum);
  return fl_sum(loss_sum);
}

static double binary_block_baseline(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient) {
  return binary_block(x, rows, d, w, b, labels, weights, S, g,
                      intercept_gradient);
}

#if FL_X86
FL_AVX2 static double binary_block_avx2(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient) {
  return binary_block(x, rows, d, w, b, labels, weights, S, g,
                      intercept_gradient);
}
#endif

double fl_binary_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w,
    double intercept, const int64_t *labels, const double *weights,
    double weight_sum, double *g, double *intercept_gradient) {
#if FL_X86
  if (path == FL_PATH_AVX2_FMA) {
    return binary_block_avx2(x, rows, d, w, intercept, labels, weights,
                             weight_sum, g, intercept_gradient);
  }
#endif
#if defined(__aarch64__)
  if (path == FL_PATH_NEON) {
    return fl_binary_block_neon(x, rows, d, w, intercept, labels, weights,
                                weight_sum, g, intercept_gradient);
  }
#endif
  (void)path;
  return binary_block_baseline(x, rows, d, w, intercept, labels, weights,
                               weight_sum, g, intercept_gradient);
}

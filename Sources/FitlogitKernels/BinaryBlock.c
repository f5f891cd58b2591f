// The two-class objective over a block of rows, four rows at a time, with
// exp and log1p on four lanes (fdlibm's reductions and polynomials, as
// VectorMath.swift). Written once with clang's vector types and compiled
// twice: the baseline function (SSE2 on x86-64, NEON on arm64) and, on
// x86-64 only, an AVX2 + FMA one, where clang contracts a*b + c into FMA.
// On x86-64 there is also an AVX-512 function, eight rows at a time. The
// paths differ by rounding and the order of the sums only
// (KernelDispatchTests bounds it).
#include "BlocksNEON.h"
#include "FitlogitKernels.h"
#include "RowQuad.h"
#include "VectorMath.h"
#if FL_X86
#include <immintrin.h>
#endif

/// Σ over the block; FL_INLINE so that each caller below gets its own copy
/// compiled for its own target.
static FL_INLINE double binary_block(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient) {
  const ptrdiff_t quads = d / 4 * 4;
  const int prefetch = d >= 48;  // see the margins' loop below
  v4d loss_sum = fl_splat4(0);
  v4d intercept_sum = fl_splat4(0);
  for (ptrdiff_t i = 0; i < rows; i += 4) {
    const fl_row_quad q = row_quad(x, rows, d, i);
    const int valid = q.valid;
    const ptrdiff_t i1 = q.row[1], i2 = q.row[2], i3 = q.row[3];
    const double *x0 = q.x[0], *x1 = q.x[1], *x2 = q.x[2], *x3 = q.x[3];
    v4d a0 = fl_splat4(0), a1 = fl_splat4(0), a2 = fl_splat4(0), a3 = fl_splat4(0);
    // From 48 features on, the next four rows (32·d bytes, just after
    // these), two cache lines per step of this loop, fetched while these
    // are summed: the four rows are read as four interleaved streams, which
    // the hardware prefetcher did not follow from about 48 to 200 features
    // (one pass on 1M×100 took 55 ms, 30 ms with this; the same 800 MB as
    // 100k×1000 takes 31 ms; scripts/kernel_width_sweep.c, BENCHMARKS.md).
    // Below 48 the prefetches cost more than they save (1M×20: 6.6 → 7.7
    // ms). The block's last quad has no next rows to fetch.
    const int ahead = prefetch && i + 8 <= rows;
    const char *next = (const char *)(ahead ? x + (i + 4) * d : x0);
    for (ptrdiff_t j = 0; j < quads; j += 4) {
      if (ahead) {
        __builtin_prefetch(next + 32 * j);
        __builtin_prefetch(next + 32 * j + 64);
      }
      v4d wj = fl_load4(w + j);
      a0 += fl_load4(x0 + j) * wj;
      a1 += fl_load4(x1 + j) * wj;
      a2 += fl_load4(x2 + j) * wj;
      a3 += fl_load4(x3 + j) * wj;
    }
    v4d r = {fl_sum4(a0), fl_sum4(a1), fl_sum4(a2), fl_sum4(a3)};
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
    const v4d G0 = fl_splat4(G[0]), G1 = fl_splat4(G[1]), G2 = fl_splat4(G[2]),
              G3 = fl_splat4(G[3]);
    for (ptrdiff_t j = 0; j < quads; j += 4) {
      v4d sum = fl_load4(g + j) + ((fl_load4(x0 + j) * G0 + fl_load4(x1 + j) * G1) +
                                  (fl_load4(x2 + j) * G2 + fl_load4(x3 + j) * G3));
      fl_store4(g + j, sum);
    }
    for (ptrdiff_t j = quads; j < d; j++) {
      g[j] += (x0[j] * G[0] + x1[j] * G[1]) + (x2[j] * G[2] + x3[j] * G[3]);
    }
  }
  *intercept_gradient += fl_sum4(intercept_sum);
  return fl_sum4(loss_sum);
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

/// Eight lanes as one: lane q of the result is Σ of a[q]'s lanes, by a tree
/// of shuffles and adds (each step halves the vectors, doubling the rows
/// each lane sums for) instead of eight horizontal sums.
FL_AVX512 static FL_INLINE v8d sum_each8(const v8d a[8]) {
  v8d p[4], q[2];
  for (int t = 0; t < 4; t++) {
    p[t] = __builtin_shufflevector(a[2 * t], a[2 * t + 1], 0, 8, 2, 10, 4, 12, 6, 14) +
           __builtin_shufflevector(a[2 * t], a[2 * t + 1], 1, 9, 3, 11, 5, 13, 7, 15);
  }
  for (int t = 0; t < 2; t++) {
    q[t] = __builtin_shufflevector(p[2 * t], p[2 * t + 1], 0, 1, 8, 9, 4, 5, 12, 13) +
           __builtin_shufflevector(p[2 * t], p[2 * t + 1], 2, 3, 10, 11, 6, 7, 14, 15);
  }
  return __builtin_shufflevector(q[0], q[1], 0, 1, 2, 3, 8, 9, 10, 11) +
         __builtin_shufflevector(q[0], q[1], 4, 5, 6, 7, 12, 13, 14, 15);
}

/// The first `mask` lanes of p (set bits), zeros elsewhere; the others are
/// not read, so a row's last partial vector never reads past the matrix.
FL_AVX512 static FL_INLINE v8d load_masked8(__mmask8 mask, const double *p) {
  return (v8d)_mm512_maskz_loadu_pd(mask, p);
}

/// Σ_q v[q]·G[q], pairwise.
FL_AVX512 static FL_INLINE v8d weighted_sum8(const v8d v[8], const v8d G[8]) {
  return ((v[0] * G[0] + v[1] * G[1]) + (v[2] * G[2] + v[3] * G[3])) +
         ((v[4] * G[4] + v[5] * G[5]) + (v[6] * G[6] + v[7] * G[7]));
}

/// binary_block on eight rows at a time: eight columns per vector (the last
/// d mod 8 through a mask), the eight dot products summed lane-wise at once
/// (sum_each8), and exp and log1p on eight lanes. A last group of 1–7 rows
/// repeats its last row in the spare lanes, with weight 0.
FL_AVX512 static double binary_block_avx512(
    const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w, double b,
    const int64_t *labels, const double *weights, double S, double *g,
    double *intercept_gradient) {
  const ptrdiff_t full = d / 8 * 8;
  const __mmask8 tail = (__mmask8)((1u << (d - full)) - 1);
  const v8d w_tail = load_masked8(tail, w + full);
  v8d loss_sum = fl_splat8(0);
  v8d intercept_sum = fl_splat8(0);
  for (ptrdiff_t i = 0; i < rows; i += 8) {
    const int valid = rows - i < 8 ? (int)(rows - i) : 8;
    const double *xq[8];
    v8d y, s;
    for (int q = 0; q < 8; q++) {
      const ptrdiff_t row = i + (q < valid ? q : valid - 1);
      xq[q] = x + row * d;
      y[q] = (double)labels[row];
      s[q] = q < valid ? (weights ? weights[row] : 1) : 0;
    }
    v8d a[8];
    for (int q = 0; q < 8; q++) a[q] = fl_splat8(0);
    // As in binary_block: from 48 features on, the next eight rows (64·d
    // bytes, just after these), eight cache lines per step, fetched while
    // these are summed.
    const int ahead = d >= 48 && i + 16 <= rows;
    const char *next = (const char *)(ahead ? x + (i + 8) * d : xq[0]);
    for (ptrdiff_t j = 0; j < full; j += 8) {
      if (ahead) {
        for (int line = 0; line < 8; line++) __builtin_prefetch(next + 64 * j + 64 * line);
      }
      const v8d wj = fl_load8(w + j);
      for (int q = 0; q < 8; q++) a[q] += fl_load8(xq[q] + j) * wj;
    }
    if (tail) {
      for (int q = 0; q < 8; q++) a[q] += load_masked8(tail, xq[q] + full) * w_tail;
    }
    const v8d r = sum_each8(a) + b;
    v8d l, gamma;
    fl_half_binomial8(y, r, &l, &gamma);
    if (weights != NULL || valid < 8) {
      l *= s;
      gamma *= s;
    }
    loss_sum += l;
    const v8d G = gamma / S;
    intercept_sum += G;
    v8d Gq[8];
    for (int q = 0; q < 8; q++) Gq[q] = fl_splat8(G[q]);
    v8d v[8];
    for (ptrdiff_t j = 0; j < full; j += 8) {
      for (int q = 0; q < 8; q++) v[q] = fl_load8(xq[q] + j);
      fl_store8(g + j, fl_load8(g + j) + weighted_sum8(v, Gq));
    }
    if (tail) {
      for (int q = 0; q < 8; q++) v[q] = load_masked8(tail, xq[q] + full);
      const v8d sum = load_masked8(tail, g + full) + weighted_sum8(v, Gq);
      _mm512_mask_storeu_pd(g + full, tail, (__m512d)sum);
    }
  }
  *intercept_gradient += fl_sum8(intercept_sum);
  return fl_sum8(loss_sum);
}
#endif

double fl_binary_block(
    int path, const double *x, ptrdiff_t rows, ptrdiff_t d, const double *w,
    double intercept, const int64_t *labels, const double *weights,
    double weight_sum, double *g, double *intercept_gradient) {
#if FL_X86
  if (path == FL_PATH_AVX512) {
    return binary_block_avx512(x, rows, d, w, intercept, labels, weights,
                               weight_sum, g, intercept_gradient);
  }
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

// The K-class block of MultinomialBlock.c for FL_LANES lanes (4 or 8), with
// a register tile of FL_TILE_ROWS rows (or features) × FL_TILE_VECTORS
// vectors of classes: included there once per kernel (FL_KERNEL, narrow or
// wide), so it has no include guard, and its names end in the kernel's
// name (multinomial_block_narrow). The classes are padded to a multiple of
// FL_LANES.

/// Eight lanes are compiled for AVX-512 (FL_WIDE), like their callers: a
/// function taking or returning a 512-bit vector must agree with its caller
/// on the target, or clang refuses the call.
#define FL_KFN(name) FL_PASTE(name, _, FL_KERNEL)
#if FL_LANES == 8
#define FL_LANE_TARGET FL_WIDE
#else
#define FL_LANE_TARGET
#endif

/// Margins of nr rows (xr[r], rows of X) for the nv·FL_LANES classes from class
/// c: mr[r][c..] = Σ_j xr[r][j]·Wp[j][c..] + Wp[d][c..]. Rows may repeat (a
/// tail shorter than nr); they then write the same values twice.
FL_LANE_TARGET static FL_INLINE void FL_KFN(margins_tile)(
    const double *const *xr, ptrdiff_t d, const double *wp, ptrdiff_t Kp,
    ptrdiff_t c, int nr, int nv, double *const *mr) {
  FL_VD a[FL_TILE_ROWS][FL_TILE_VECTORS];
  for (int r = 0; r < nr; r++) {
    for (int v = 0; v < nv; v++) a[r][v] = FL_FN(fl_splat)(0);
  }
  for (ptrdiff_t j = 0; j < d; j++) {
    // nv loads of W, then one broadcast per row.
    const double *wj = wp + j * Kp + c;
    FL_VD wv[FL_TILE_VECTORS];
    for (int v = 0; v < nv; v++) wv[v] = FL_FN(fl_load)(wj + FL_LANES * v);
    for (int r = 0; r < nr; r++) {
      const FL_VD b = FL_FN(fl_splat)(xr[r][j]);
      for (int v = 0; v < nv; v++) a[r][v] += b * wv[v];
    }
  }
  const double *bias = wp + d * Kp + c;
  for (int v = 0; v < nv; v++) {
    const FL_VD bv = FL_FN(fl_load)(bias + FL_LANES * v);
    for (int r = 0; r < nr; r++) FL_FN(fl_store)(mr[r] + c + FL_LANES * v, a[r][v] + bv);
  }
}

/// Gp[j + t][c..] += Σ_i x_i[j + t]·G_i[c..] for t < nf features and the
/// nv·FL_LANES classes from c, over the sub-block's rows in order.
FL_LANE_TARGET static FL_INLINE void FL_KFN(gradient_tile)(
    const double *xs, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t j,
    const double *G, ptrdiff_t Kp, ptrdiff_t c, int nf, int nv, double *gp) {
  FL_VD a[FL_TILE_ROWS][FL_TILE_VECTORS];
  for (int t = 0; t < nf; t++) {
    for (int v = 0; v < nv; v++) a[t][v] = FL_FN(fl_load)(gp + (j + t) * Kp + c + FL_LANES * v);
  }
  for (ptrdiff_t i = 0; i < rows; i++) {
    const double *xi = xs + i * d + j;
    const double *gi = G + i * Kp + c;
    FL_VD gv[FL_TILE_VECTORS];
    for (int v = 0; v < nv; v++) gv[v] = FL_FN(fl_load)(gi + FL_LANES * v);
    for (int t = 0; t < nf; t++) {
      const FL_VD b = FL_FN(fl_splat)(xi[t]);
      for (int v = 0; v < nv; v++) a[t][v] += b * gv[v];
    }
  }
  for (int t = 0; t < nf; t++) {
    for (int v = 0; v < nv; v++) FL_FN(fl_store)(gp + (j + t) * Kp + c + FL_LANES * v, a[t][v]);
  }
}

/// The register tiles over all padded classes, each call with constant
/// sizes so that the accumulators stay in registers.
FL_LANE_TARGET static FL_INLINE void FL_KFN(margins_rows)(
    const double *const *xr, ptrdiff_t d, const double *wp, ptrdiff_t Kp,
    double *const *mr) {
  ptrdiff_t c = 0;
  for (; c + FL_LANES * FL_TILE_VECTORS <= Kp; c += FL_LANES * FL_TILE_VECTORS)
    FL_KFN(margins_tile)(xr, d, wp, Kp, c, FL_TILE_ROWS, FL_TILE_VECTORS, mr);
  for (; c + 2 * FL_LANES <= Kp; c += 2 * FL_LANES) FL_KFN(margins_tile)(xr, d, wp, Kp, c, FL_TILE_ROWS, 2, mr);
  if (c < Kp) FL_KFN(margins_tile)(xr, d, wp, Kp, c, FL_TILE_ROWS, 1, mr);
}

FL_LANE_TARGET static FL_INLINE void FL_KFN(gradient_features)(
    const double *xs, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t j,
    const double *G, ptrdiff_t Kp, int nf, double *gp) {
  ptrdiff_t c = 0;
  for (; c + FL_LANES * FL_TILE_VECTORS <= Kp; c += FL_LANES * FL_TILE_VECTORS)
    FL_KFN(gradient_tile)(xs, rows, d, j, G, Kp, c, nf, FL_TILE_VECTORS, gp);
  for (; c + 2 * FL_LANES <= Kp; c += 2 * FL_LANES) FL_KFN(gradient_tile)(xs, rows, d, j, G, Kp, c, nf, 2, gp);
  if (c < Kp) FL_KFN(gradient_tile)(xs, rows, d, j, G, Kp, c, nf, 1, gp);
}

/// Σ over the block of sᵢ·ℓᵢ, with the gradient added to g; see the header.
FL_LANE_TARGET static FL_INLINE double FL_KFN(multinomial_block)(
    const double *x, ptrdiff_t rows, ptrdiff_t d, ptrdiff_t K, const double *w,
    int fit_intercept, const int64_t *labels, const double *weights, double S,
    double *g, double *scratch) {
  const ptrdiff_t Kp = padded_classes(K, FL_LANES);
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
      FL_KFN(margins_rows)(xr, d, wp, Kp, mr);
    }
    // 2. Per row: log-sum-exp, loss, and G = (p − e_y)·s/S in place of the
    //    margins; FL_LANES rows share one vector log.
    for (ptrdiff_t i = 0; i < r; i += FL_LANES) {
      const int valid = r - i < FL_LANES ? (int)(r - i) : FL_LANES;
      FL_VD sums = FL_FN(fl_splat)(1), maxima = FL_FN(fl_splat)(0), picked = FL_FN(fl_splat)(0);
      for (int q = 0; q < valid; q++) {
        double *mi = M + (i + q) * Kp;
        double mx = mi[0];
        for (ptrdiff_t k = 1; k < K; k++) mx = mi[k] > mx ? mi[k] : mx;
        picked[q] = mi[labels[i0 + i + q]];
        maxima[q] = mx;
        FL_VD acc = FL_FN(fl_splat)(0);
        const FL_VD mv = FL_FN(fl_splat)(mx);
        for (ptrdiff_t k = 0; k < Kp; k += FL_LANES) {
          FL_VD e = FL_FN(fl_exp)(FL_FN(fl_load)(mi + k) - mv);
          if (k + FL_LANES > K) {  // the pad lanes: probability 0
            for (int lane = (int)(K - k); lane < FL_LANES; lane++) e[lane] = 0;
          }
          FL_FN(fl_store)(mi + k, e);
          acc += e;
        }
        sums[q] = FL_FN(fl_sum)(acc);
      }
      const FL_VD lse = FL_FN(fl_log)(sums) + maxima;
      for (int q = 0; q < valid; q++) {
        const ptrdiff_t row = i0 + i + q;
        const double s = weights ? weights[row] : 1;
        const double l = lse[q] - picked[q];
        loss_sum += weights ? l * s : l;
        const double scale = s / S;
        const FL_VD factor = FL_FN(fl_splat)(scale / sums[q]);
        double *mi = M + (i + q) * Kp;
        for (ptrdiff_t k = 0; k < Kp; k += FL_LANES) FL_FN(fl_store)(mi + k, FL_FN(fl_load)(mi + k) * factor);
        mi[labels[row]] -= scale;
        double *gb = gp + d * Kp;
        for (ptrdiff_t k = 0; k < Kp; k += FL_LANES) FL_FN(fl_store)(gb + k, FL_FN(fl_load)(gb + k) + FL_FN(fl_load)(mi + k));
      }
    }
    // 3. ∇W += Gᵀ·X_s, FL_TILE_ROWS features at a time.
    ptrdiff_t j = 0;
    for (; j + FL_TILE_ROWS <= d; j += FL_TILE_ROWS)
      FL_KFN(gradient_features)(xs, r, d, j, M, Kp, FL_TILE_ROWS, gp);
    for (; j < d; j++) FL_KFN(gradient_features)(xs, r, d, j, M, Kp, 1, gp);
  }
  add_gradient(gp, d, K, Kp, fit_intercept, g);
  return loss_sum;
}

#undef FL_LANE_TARGET
#undef FL_KFN

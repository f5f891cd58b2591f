// The lane-wise vector math of VectorMath.h for FL_LANES lanes (4 or 8):
// splat, load, store, sum, select, and fdlibm's exp and log with log1p and
// scikit-learn's half-binomial loss built on them. Included by
// VectorMath.h once per width, so it has no include guard; the names end in
// the lane count (fl_exp4, fl_exp8). Every lane computes what the scalar
// code would, so the widths agree lane for lane; only sums reassociate.

/// Eight lanes are compiled for AVX-512 (FL_WIDE), like their callers: a
/// function taking or returning a 512-bit vector must agree with its caller
/// on the target, or clang refuses the call.
#if FL_LANES == 8
#define FL_LANE_TARGET FL_WIDE
#else
#define FL_LANE_TARGET
#endif

/// Every lane `a`.
FL_LANE_TARGET static FL_INLINE FL_VD FL_FN(fl_splat)(double a) {
  FL_VD v = {0};
  return v + a;
}
FL_LANE_TARGET static FL_INLINE FL_VU FL_FN(fl_splatu)(uint64_t a) {
  FL_VU v = {0};
  return v + a;
}
FL_LANE_TARGET static FL_INLINE FL_VD FL_FN(fl_load)(const double *p) {
  FL_VD v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
FL_LANE_TARGET static FL_INLINE void FL_FN(fl_store)(double *p, FL_VD v) {
  __builtin_memcpy(p, &v, sizeof v);
}
/// Σ of the lanes, pairwise.
FL_LANE_TARGET static FL_INLINE double FL_FN(fl_sum)(FL_VD v) {
#if FL_LANES == 4
  return (v[0] + v[1]) + (v[2] + v[3]);
#else
  const v4d h = v.lo + v.hi;  // not fl_sum4: that one is not FL_WIDE
  return (h[0] + h[1]) + (h[2] + h[3]);
#endif
}
/// mask ? a : b, lane by lane (mask lanes are all ones or all zeros).
FL_LANE_TARGET static FL_INLINE FL_VD FL_FN(fl_select)(FL_VI mask, FL_VD a, FL_VD b) {
  return (FL_VD)(((FL_VI)a & mask) | ((FL_VI)b & ~mask));
}

/// eˣ for x ≤ 709; lanes below −708 give 0 (fdlibm e_exp.c).
FL_LANE_TARGET static FL_INLINE FL_VD FL_FN(fl_exp)(FL_VD x) {
  FL_VD c = FL_FN(fl_select)(x < -708, FL_FN(fl_splat)(-708), x);
  c = FL_FN(fl_select)(c > 709, FL_FN(fl_splat)(709), c);
  const FL_VD magic = FL_FN(fl_splat)(0x1.8p52);
  FL_VD shifted = c * 1.4426950408889634 + magic;
  FL_VD k = shifted - magic;
  FL_VD hi = c - k * 6.93147180369123816490e-01;
  FL_VD lo = k * 1.90821492927058770002e-10;
  FL_VD r = hi - lo;
  FL_VD t = r * r;
  FL_VD p = t * 4.13813679705723846039e-08 - 1.65339022054652515390e-06;
  p = t * p + 6.61375632143793436117e-05;
  p = t * p - 2.77777777770155933842e-03;
  p = t * p + 1.66666666666666019037e-01;
  FL_VD cc = r - t * p;
  FL_VD y = 1 - ((lo - (r * cc) / (2 - cc)) - hi);
  FL_VU kbits = (FL_VU)shifted;
  FL_VD scale = (FL_VD)((kbits + FL_FN(fl_splatu)(1023)) << 52);
  return FL_FN(fl_select)(x < -708, FL_FN(fl_splat)(0), y * scale);
}

/// log(u) for positive normal u, by fdlibm's e_log.c reduction and
/// polynomial (u = 2ᵏ·(1 + f), √2/2 < 1 + f < √2).
FL_LANE_TARGET static FL_INLINE FL_VD FL_FN(fl_log)(FL_VD u) {
  FL_VU bits = (FL_VU)u;
  FL_VU sb = bits + FL_FN(fl_splatu)(0x3FF0000000000000ULL - 0x3FE6A09E00000000ULL);
  FL_VU kb = sb >> 52;
  FL_VU mb = (sb & FL_FN(fl_splatu)(0x000FFFFFFFFFFFFFULL)) +
             FL_FN(fl_splatu)(0x3FE6A09E00000000ULL);
  FL_VD f = (FL_VD)mb - 1;
  FL_VD k = (FL_VD)(kb | FL_FN(fl_splatu)(0x4330000000000000ULL)) -
            (4503599627370496.0 + 1023);
  FL_VD s = f / (2 + f);
  FL_VD z = s * s;
  FL_VD w = z * z;
  FL_VD t1 = w * 1.531383769920937332e-01 + 2.222219843214978396e-01;
  t1 = w * (w * t1 + 3.999999999940941908e-01);
  FL_VD t2 = w * 1.479819860511658591e-01 + 1.818357216161805012e-01;
  t2 = w * t2 + 2.857142874366239149e-01;
  t2 = z * (w * t2 + 6.666666666666735130e-01);
  FL_VD R = t2 + t1;
  FL_VD hfsq = 0.5 * f * f;
  return k * 6.93147180369123816490e-01 -
         ((hfsq - (s * (hfsq + R) + k * 1.90821492927058770002e-10)) - f);
}

/// log(1 + x) for x ≥ 0: log(u)·x/(u − 1), u = 1 ⊕ x (Goldberg, Thm. 4).
FL_LANE_TARGET static FL_INLINE FL_VD FL_FN(fl_log1p)(FL_VD x) {
  FL_VD u = 1 + x;
  FL_VD logu = FL_FN(fl_log)(u);
  FL_VD den = u - 1;
  return FL_FN(fl_select)(den == 0, x, logu * (x / den));
}

/// scikit-learn's half-binomial loss and its derivative in the margin, one
/// row per lane, branch-free (the four ranges of
/// `closs_grad_half_binomial`).
FL_LANE_TARGET static FL_INLINE void FL_FN(fl_half_binomial)(
    FL_VD y, FL_VD r, FL_VD *loss, FL_VD *grad) {
  FL_VI low = r <= -2;
  FL_VD e = FL_FN(fl_exp)(FL_FN(fl_select)(low, r, -r));
  FL_VD softplus =
      FL_FN(fl_select)((r <= -37) | (r > 18), e, FL_FN(fl_log1p)(e));
  FL_VD omy = 1 - y;
  *loss = softplus + FL_FN(fl_select)(low, -y * r, omy * r);
  FL_VD numerator = FL_FN(fl_select)(low, omy * e - y, omy - y * e);
  *grad = FL_FN(fl_select)(r <= -37, e - y, numerator / (1 + e));
}

#undef FL_LANE_TARGET

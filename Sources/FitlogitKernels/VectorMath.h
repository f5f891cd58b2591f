// Four-lane doubles and the vector exp, log1p and half-binomial loss that
// both kernel variants inline (a port of FitlogitCore's VectorMath.swift).
// Private to this target: not in include/.
#ifndef FITLOGIT_VECTOR_MATH_H
#define FITLOGIT_VECTOR_MATH_H

#include <stdint.h>

// Every function here is always inlined, so no v4d ever crosses a call at
// the baseline ABI; clang's warning that it would is moot.
#pragma clang diagnostic ignored "-Wpsabi"

#if defined(__x86_64__)
#define FL_X86 1
/// Compiles a function for AVX2 + FMA, whatever the target of the rest.
#define FL_AVX2 __attribute__((target("avx2,fma")))
#else
#define FL_X86 0
#endif
#define FL_INLINE inline __attribute__((always_inline))

typedef double v4d __attribute__((ext_vector_type(4)));
typedef uint64_t v4u __attribute__((ext_vector_type(4)));
/// What a lane comparison returns: `long` lanes with clang on both Linux
/// and Darwin, where int64_t is `long long` and would not convert.
typedef __typeof__((v4d){0, 0, 0, 0} < (v4d){0, 0, 0, 0}) v4i;

static FL_INLINE v4d fl_splat(double a) { v4d v = {a, a, a, a}; return v; }
static FL_INLINE v4u fl_splatu(uint64_t a) { v4u v = {a, a, a, a}; return v; }
static FL_INLINE v4d fl_load(const double *p) {
  v4d v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
static FL_INLINE void fl_store(double *p, v4d v) {
  __builtin_memcpy(p, &v, sizeof v);
}
static FL_INLINE double fl_sum(v4d v) { return (v[0] + v[1]) + (v[2] + v[3]); }
/// mask ? a : b, lane by lane (mask lanes are all ones or all zeros).
static FL_INLINE v4d fl_select(v4i mask, v4d a, v4d b) {
  return (v4d)(((v4i)a & mask) | ((v4i)b & ~mask));
}

/// eˣ for x ≤ 709; lanes below −708 give 0 (fdlibm e_exp.c).
static FL_INLINE v4d fl_exp4(v4d x) {
  v4d c = fl_select(x < -708, fl_splat(-708), x);
  c = fl_select(c > 709, fl_splat(709), c);
  const v4d magic = fl_splat(0x1.8p52);
  v4d shifted = c * 1.4426950408889634 + magic;
  v4d k = shifted - magic;
  v4d hi = c - k * 6.93147180369123816490e-01;
  v4d lo = k * 1.90821492927058770002e-10;
  v4d r = hi - lo;
  v4d t = r * r;
  v4d p = t * 4.13813679705723846039e-08 - 1.65339022054652515390e-06;
  p = t * p + 6.61375632143793436117e-05;
  p = t * p - 2.77777777770155933842e-03;
  p = t * p + 1.66666666666666019037e-01;
  v4d cc = r - t * p;
  v4d y = 1 - ((lo - (r * cc) / (2 - cc)) - hi);
  v4u kbits = (v4u)shifted;
  v4d scale = (v4d)((kbits + fl_splatu(1023)) << 52);
  return fl_select(x < -708, fl_splat(0), y * scale);
}

/// log(u) for positive normal u, by fdlibm's e_log.c reduction and
/// polynomial (u = 2ᵏ·(1 + f), √2/2 < 1 + f < √2).
static FL_INLINE v4d fl_log4(v4d u) {
  v4u bits = (v4u)u;
  v4u sb = bits + fl_splatu(0x3FF0000000000000ULL - 0x3FE6A09E00000000ULL);
  v4u kb = sb >> 52;
  v4u mb = (sb & fl_splatu(0x000FFFFFFFFFFFFFULL)) +
           fl_splatu(0x3FE6A09E00000000ULL);
  v4d f = (v4d)mb - 1;
  v4d k = (v4d)(kb | fl_splatu(0x4330000000000000ULL)) -
          (4503599627370496.0 + 1023);
  v4d s = f / (2 + f);
  v4d z = s * s;
  v4d w = z * z;
  v4d t1 = w * 1.531383769920937332e-01 + 2.222219843214978396e-01;
  t1 = w * (w * t1 + 3.999999999940941908e-01);
  v4d t2 = w * 1.479819860511658591e-01 + 1.818357216161805012e-01;
  t2 = w * t2 + 2.857142874366239149e-01;
  t2 = z * (w * t2 + 6.666666666666735130e-01);
  v4d R = t2 + t1;
  v4d hfsq = 0.5 * f * f;
  return k * 6.93147180369123816490e-01 -
         ((hfsq - (s * (hfsq + R) + k * 1.90821492927058770002e-10)) - f);
}

/// log(1 + x) for x ≥ 0: log(u)·x/(u − 1), u = 1 ⊕ x (Goldberg, Thm. 4).
static FL_INLINE v4d fl_log1p4(v4d x) {
  v4d u = 1 + x;
  v4d logu = fl_log4(u);
  v4d den = u - 1;
  return fl_select(den == 0, x, logu * (x / den));
}

/// scikit-learn's half-binomial loss and its derivative in the margin, on
/// four rows, branch-free (the four ranges of `closs_grad_half_binomial`).
static FL_INLINE void fl_half_binomial4(v4d y, v4d r, v4d *loss, v4d *grad) {
  v4i low = r <= -2;
  v4d e = fl_exp4(fl_select(low, r, -r));
  v4d softplus = fl_select((r <= -37) | (r > 18), e, fl_log1p4(e));
  v4d omy = 1 - y;
  *loss = softplus + fl_select(low, -y * r, omy * r);
  v4d numerator = fl_select(low, omy * e - y, omy - y * e);
  *grad = fl_select(r <= -37, e - y, numerator / (1 + e));
}

#endif

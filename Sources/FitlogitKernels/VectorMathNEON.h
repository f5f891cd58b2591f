// Two-lane doubles (AArch64 Advanced SIMD, float64x2_t) and the exp, log,
// log1p and half-binomial loss that the NEON kernels inline: VectorMath.h's
// fdlibm reductions, polynomials and constants step for step, with each
// a·b + c written as one fused multiply-add, so the error bound is
// VectorMath.h's. arm64 only; private to this target: not in include/.
#ifndef FITLOGIT_VECTOR_MATH_NEON_H
#define FITLOGIT_VECTOR_MATH_NEON_H

#if defined(__aarch64__)
#include <arm_neon.h>

#include "VectorMath.h"

typedef float64x2_t v2d;

static FL_INLINE v2d fl_dup2(double a) { return vdupq_n_f64(a); }

/// eˣ for x ≤ 709; lanes below −708 give 0 (fdlibm e_exp.c, as fl_exp4).
static FL_INLINE v2d fl_exp2d(v2d x) {
  const uint64x2_t under = vcltq_f64(x, fl_dup2(-708));
  // max and min keep a NaN lane NaN, as fl_exp4's selects do.
  const v2d c = vminq_f64(vmaxq_f64(x, fl_dup2(-708)), fl_dup2(709));
  const v2d magic = fl_dup2(0x1.8p52);
  const v2d shifted = vfmaq_f64(magic, c, fl_dup2(1.4426950408889634));
  const v2d k = vsubq_f64(shifted, magic);
  const v2d hi = vfmsq_f64(c, k, fl_dup2(6.93147180369123816490e-01));
  const v2d lo = vmulq_f64(k, fl_dup2(1.90821492927058770002e-10));
  const v2d r = vsubq_f64(hi, lo);
  const v2d t = vmulq_f64(r, r);
  v2d p = vfmaq_f64(fl_dup2(-1.65339022054652515390e-06), t,
                    fl_dup2(4.13813679705723846039e-08));
  p = vfmaq_f64(fl_dup2(6.61375632143793436117e-05), t, p);
  p = vfmaq_f64(fl_dup2(-2.77777777770155933842e-03), t, p);
  p = vfmaq_f64(fl_dup2(1.66666666666666019037e-01), t, p);
  const v2d cc = vfmsq_f64(r, t, p);
  const v2d quotient = vdivq_f64(vmulq_f64(r, cc), vsubq_f64(fl_dup2(2), cc));
  const v2d y =
      vsubq_f64(fl_dup2(1), vsubq_f64(vsubq_f64(lo, quotient), hi));
  // 2ᵏ from the low bits of `shifted`, where the magic addition left k.
  const uint64x2_t kbits = vreinterpretq_u64_f64(shifted);
  const v2d scale = vreinterpretq_f64_u64(
      vshlq_n_u64(vaddq_u64(kbits, vdupq_n_u64(1023)), 52));
  return vbslq_f64(under, fl_dup2(0), vmulq_f64(y, scale));
}

/// log(u) for positive normal u, by fdlibm's e_log.c reduction and
/// polynomial (u = 2ᵏ·(1 + f), √2/2 < 1 + f < √2), as fl_log4.
static FL_INLINE v2d fl_log2d(v2d u) {
  const uint64x2_t bits = vreinterpretq_u64_f64(u);
  const uint64x2_t sb = vaddq_u64(
      bits, vdupq_n_u64(0x3FF0000000000000ULL - 0x3FE6A09E00000000ULL));
  const uint64x2_t kb = vshrq_n_u64(sb, 52);
  const uint64x2_t mb =
      vaddq_u64(vandq_u64(sb, vdupq_n_u64(0x000FFFFFFFFFFFFFULL)),
                vdupq_n_u64(0x3FE6A09E00000000ULL));
  const v2d f = vsubq_f64(vreinterpretq_f64_u64(mb), fl_dup2(1));
  const v2d k = vsubq_f64(
      vreinterpretq_f64_u64(vorrq_u64(kb, vdupq_n_u64(0x4330000000000000ULL))),
      fl_dup2(4503599627370496.0 + 1023));
  const v2d s = vdivq_f64(f, vaddq_f64(fl_dup2(2), f));
  const v2d z = vmulq_f64(s, s);
  const v2d w = vmulq_f64(z, z);
  v2d t1 = vfmaq_f64(fl_dup2(2.222219843214978396e-01), w,
                     fl_dup2(1.531383769920937332e-01));
  t1 = vmulq_f64(w, vfmaq_f64(fl_dup2(3.999999999940941908e-01), w, t1));
  v2d t2 = vfmaq_f64(fl_dup2(1.818357216161805012e-01), w,
                     fl_dup2(1.479819860511658591e-01));
  t2 = vfmaq_f64(fl_dup2(2.857142874366239149e-01), w, t2);
  t2 = vmulq_f64(z, vfmaq_f64(fl_dup2(6.666666666666735130e-01), w, t2));
  const v2d R = vaddq_f64(t2, t1);
  const v2d hfsq = vmulq_f64(vmulq_f64(fl_dup2(0.5), f), f);
  const v2d inner = vfmaq_f64(vmulq_f64(k, fl_dup2(1.90821492927058770002e-10)),
                              s, vaddq_f64(hfsq, R));
  const v2d tail = vsubq_f64(vsubq_f64(hfsq, inner), f);
  return vfmaq_f64(vnegq_f64(tail), k, fl_dup2(6.93147180369123816490e-01));
}

/// log(1 + x) for x ≥ 0: log(u)·x/(u − 1), u = 1 ⊕ x (Goldberg, Thm. 4).
static FL_INLINE v2d fl_log1p2d(v2d x) {
  const v2d u = vaddq_f64(fl_dup2(1), x);
  const v2d den = vsubq_f64(u, fl_dup2(1));
  const v2d ratio = vmulq_f64(fl_log2d(u), vdivq_f64(x, den));
  return vbslq_f64(vceqq_f64(den, fl_dup2(0)), x, ratio);
}

/// scikit-learn's half-binomial loss and its derivative in the margin, on
/// two rows, branch-free (the four ranges of `closs_grad_half_binomial`),
/// as fl_half_binomial4.
static FL_INLINE void fl_half_binomial2d(v2d y, v2d r, v2d *loss, v2d *grad) {
  const uint64x2_t low = vcleq_f64(r, fl_dup2(-2));
  const uint64x2_t very_low = vcleq_f64(r, fl_dup2(-37));
  const v2d e = fl_exp2d(vbslq_f64(low, r, vnegq_f64(r)));
  const uint64x2_t tiny = vorrq_u64(very_low, vcgtq_f64(r, fl_dup2(18)));
  const v2d softplus = vbslq_f64(tiny, e, fl_log1p2d(e));
  const v2d omy = vsubq_f64(fl_dup2(1), y);
  *loss = vaddq_f64(
      softplus, vbslq_f64(low, vnegq_f64(vmulq_f64(y, r)), vmulq_f64(omy, r)));
  const v2d numerator = vbslq_f64(low, vfmaq_f64(vnegq_f64(y), omy, e),
                                  vfmsq_f64(omy, y, e));
  *grad = vbslq_f64(very_low, vsubq_f64(e, y),
                    vdivq_f64(numerator, vaddq_f64(fl_dup2(1), e)));
}

#endif
#endif

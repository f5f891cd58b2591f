import FitlogitData
import FitlogitSystem

/// exp and log1p on four doubles at once, for the blocked objective pass,
/// where libm's scalar calls were 60% of a fit (BENCHMARKS.md).
///
/// Both follow fdlibm (the algorithms behind glibc's and musl's `exp` and
/// `log`): the same argument reductions and polynomials, computed lane-wise
/// with no branches, so each result is within about 1 ulp of libm's.

typealias Double4 = SIMD4<Double>

/// eˣ for x ≤ 709; lanes below −708 (where eˣ would be subnormal) give 0.
///
///     x = k·ln2 + r, |r| ≤ ln2/2;  eʳ = 1 + r + r·c/(2 − c)
///     c = r − r²·(P1 + r²·(P2 + … + r²·P5))   (fdlibm e_exp.c)
@inline(__always)
func vectorExp(_ x: Double4) -> Double4 {
  // (`clamped` would call an unspecialized generic here.)
  let clamped = x.replacing(with: -708, where: x .< -708)
    .replacing(with: 709, where: x .> 709)
  // k = round(x/ln2) with the 1.5·2⁵² trick: the integer lands in the low
  // bits of `shifted`.
  let magic = Double4(repeating: 0x1.8p52)
  let shifted = clamped * 1.442_695_040_888_963_4 + magic
  let k = shifted - magic
  let hi = clamped - k * 6.931_471_803_691_238_164_90e-01
  let lo = k * 1.908_214_929_270_587_700_02e-10
  let r = hi - lo
  let t = r * r
  var p =
    t * 4.138_136_797_057_238_460_39e-08 - 1.653_390_220_546_525_153_90e-06
  p = t * p + 6.613_756_321_437_934_361_17e-05
  p = t * p - 2.777_777_777_701_559_338_42e-03
  p = t * p + 1.666_666_666_666_660_190_37e-01
  let c = r - t * p
  let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
  // 2ᵏ from k's bits: (k + 1023) << 52.
  let kBits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self)
  let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: Double4.self)
  return (y * scale).replacing(with: 0, where: x .< -708)
}

/// log(1 + x) for x ≥ 0, as log(u)·x/(u − 1) with u = 1 ⊕ x (Goldberg's
/// Theorem 4), log(u) by fdlibm's e_log.c reduction and polynomial.
@inline(__always)
func vectorLog1p(_ x: Double4) -> Double4 {
  let u = 1 + x
  // u = 2ᵏ·m with √2/2 < m < √2 (musl's bit trick).
  let bits = unsafeBitCast(u, to: SIMD4<UInt64>.self)
  let shiftedBits = bits &+ (0x3FF0_0000_0000_0000 &- 0x3FE6_A09E_0000_0000)
  let kBits = shiftedBits &>> 52
  let mBits = (shiftedBits & 0x000F_FFFF_FFFF_FFFF) &+ 0x3FE6_A09E_0000_0000
  let f = unsafeBitCast(mBits, to: Double4.self) - 1
  // k as a double: its bits below a 2⁵² exponent, minus 2⁵² + 1023.
  let k =
    unsafeBitCast(kBits | 0x4330_0000_0000_0000, to: Double4.self)
    - (4_503_599_627_370_496 + 1023)
  let s = f / (2 + f)
  let z = s * s
  let w = z * z
  // t1 = w·(Lg2 + w·(Lg4 + w·Lg6)), t2 = z·(Lg1 + w·(Lg3 + w·(Lg5 + w·Lg7)))
  var t1 = w * 1.531_383_769_920_937_332e-01 + 2.222_219_843_214_978_396e-01
  t1 = w * (w * t1 + 3.999_999_999_940_941_908e-01)
  var t2 = w * 1.479_819_860_511_658_591e-01 + 1.818_357_216_161_805_012e-01
  t2 = w * t2 + 2.857_142_874_366_239_149e-01
  t2 = z * (w * t2 + 6.666_666_666_666_735_130e-01)
  let R = t2 + t1
  let hfsq = 0.5 * f * f
  let logU =
    k * 6.931_471_803_691_238_164_90e-01
    - ((hfsq - (s * (hfsq + R) + k * 1.908_214_929_270_587_700_02e-10)) - f)
  let denominator = u - 1
  return (logU * (x / denominator)).replacing(with: x, where: denominator .== 0)
}

/// ``halfBinomialLoss(label:margin:)`` for four rows, branch-free: the same
/// four ranges and formulas as scikit-learn's, with vector exp and log1p.
@inline(__always)
func halfBinomialLoss4(
  labels y: Double4, margins r: Double4
) -> (loss: Double4, derivative: Double4) {
  let low = r .<= -2
  // e = eʳ below −2, e⁻ʳ above: never more than e² so nothing overflows.
  let e = vectorExp(r.replacing(with: -r, where: .!low))
  let softplus = vectorLog1p(e).replacing(
    with: e, where: (r .<= -37) .| (r .> 18))
  let oneMinusY = 1 - y
  let loss = softplus + (oneMinusY * r).replacing(with: -y * r, where: low)
  // Both ranges divide by 1 + e: pick the numerator first, divide once.
  let numerator = (oneMinusY - y * e).replacing(
    with: oneMinusY * e - y, where: low)
  let derivative = (numerator / (1 + e)).replacing(
    with: e - y, where: r .<= -37)
  return (loss, derivative)
}

import FitlogitData
import FitlogitSystem

/// The logistic loss of one sample and its derivative in the margin, with
/// scikit-learn's branch cutoffs (`_loss.pyx.tp`, `closs_grad_half_binomial`).
///
///     ℓ(y, r) = softplus(r) − y·r = log(1 + eʳ) − y·r
///     γ(y, r) = ∂ℓ/∂r = σ(r) − y
///
/// Each branch keeps both values finite and accurate: exp never overflows
/// (it only sees −|r|-ish arguments), and the cancellation in σ(r) − y is
/// avoided by writing it over the common denominator 1 + e.
///
/// - Parameters:
///   - label: y ∈ {0, 1} (a float so that label smoothing could use it).
///   - margin: r = x·w + b.
/// - Edge cases: finite for every finite r; r = ±1e20 gives ℓ = 0 or |r|.
@inline(__always)
public func halfBinomialLoss(
  label y: Double, margin r: Double
) -> (loss: Double, derivative: Double) {
  halfBinomialLoss(label: y, margin: r, log1p: libmLog1p)
}

/// The branch table with the log1p to use: libm's for scikit-learn's exact
/// rounding, a faster one in the blocked pass.
@inline(__always)
func halfBinomialLoss(
  label y: Double, margin r: Double, log1p: (Double) -> Double
) -> (loss: Double, derivative: Double) {
  if r <= -37 {
    let e = libmExp(r)
    return (e - y * r, e - y)
  }
  if r <= -2 {
    let e = libmExp(r)
    return (log1p(e) - y * r, ((1 - y) * e - y) / (1 + e))
  }
  if r <= 18 {
    let e = libmExp(-r)
    return (log1p(e) + (1 - y) * r, ((1 - y) - y * e) / (1 + e))
  }
  let e = libmExp(-r)
  return (e + (1 - y) * r, ((1 - y) - y * e) / (1 + e))
}

/// σ(r) = 1/(1 + e⁻ʳ), as scipy's `expit` (what `predict_proba` uses).
@inline(__always)
public func sigmoid(_ r: Double) -> Double {
  1 / (1 + libmExp(-r))
}

/// ``halfBinomialLoss(label:margin:)`` with log1p(e) computed as
/// log(1 + e)·e/((1 + e) − 1) (Goldberg, "What every computer scientist
/// should know about floating-point arithmetic", Thm. 4: a few ulp).
///
/// glibc's `log1p` costs about three times its `log` and was half of a fit's
/// time on 1M rows (BENCHMARKS.md). Only the blocked pass uses this: the
/// derivative is the same expression as sklearn's, bit for bit, and the loss
/// moves by at most a few ulp per row, far below what the solver can see.
@inline(__always)
func halfBinomialLossFast(
  label y: Double, margin r: Double
) -> (loss: Double, derivative: Double) {
  halfBinomialLoss(label: y, margin: r, log1p: log1pFast)
}

/// log(1 + x) for x ≥ 0 through `log`, accurate to a few ulp.
@inline(__always)
func log1pFast(_ x: Double) -> Double {
  let u = 1 + x
  if u == 1 { return x }
  return libmLog(u) * (x / (u - 1))
}

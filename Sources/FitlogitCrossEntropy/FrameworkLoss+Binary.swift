// MARK: - Binary losses of PyTorch, optax, MLX and Keras

/// One framework's binary cross-entropy of `y` against `pred`, computed in
/// `T` as that framework computes it (see ``FrameworkLoss`` for how
/// probabilities and logits are passed).
///
///     torch.BCELoss            −w[y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)]
///     torch.BCEWithLogitsLoss  w[(1 − y)·x − (1 + (pw − 1)·y)·log σ(x)]
///     optax sigmoid            −y·log σ(x) − (1 − y)·log σ(−x)
///     optax / Keras focal      the same times (1 − p_t)^γ, p_t = y·p + (1 − y)(1 − p)
///
/// Edge cases: a probability of 0 or 1 is a logit of ∓∞, and a logit loss
/// then multiplies 0 by ∞: NaN, as in the framework.
func frameworkBinary<T: LossFloat>(
  _ loss: FrameworkLoss, y: [T], pred: [T], options o: LossOptions
) -> LossResult<T> {
  let n = y.count
  let ls = T(o.labelSmoothing)
  let gamma = T(o.gamma)
  var losses = [T](repeating: 0, count: n)
  var clipped: [Int] = []
  let eps = T(Convention.kerasEpsilon)
  for i in 0..<n {
    let t = y[i]
    let v = pred[i]
    // What the user passes: p to a probability loss, x to a logit loss.
    let p: T = o.fromLogits ? 1 / (1 + T.exp(-v)) : v
    let x: T = o.fromLogits ? v : T.log(v / (1 - v))
    var l: T
    switch loss {
    case .mlxBinaryCrossEntropy where o.fromLogits:
      // logaddexp(0, x) − x·y.
      l = max(x, 0) + T.log1p(T.exp(-abs(x))) - x * t
    case .torchBCELoss, .mlxBinaryCrossEntropy:
      let logP = T.log(p)
      let logQ = loss == .torchBCELoss ? T.log1p(-p) : T.log(1 - p)
      // Clamped where it counts: a term whose label weight is not 0.
      if (t != 0 && logP < -100) || (t != 1 && logQ < -100) { clipped.append(i) }
      l = (t - 1) * max(logQ, -100) - t * max(logP, -100)
    case .torchBCEWithLogitsLoss:
      let logWeight = o.posWeight.map { (T($0) - 1) * t + 1 } ?? 1
      l = (1 - t) * x - logWeight * logSigmoid(x)
    case .optaxSigmoidBinaryCrossEntropy:
      l = -t * logSigmoid(x) - (1 - t) * logSigmoid(-x)
    case .optaxSigmoidFocalLoss:
      let logP = logSigmoid(x)
      let logQ = logSigmoid(-x)
      let ce = -t * logP - (1 - t) * logQ
      // log(1 − p_t) = log((1 − y)·p + y·(1 − p)), as a log-sum-exp.
      let m = max(logP, logQ)
      let logOneMinusPt = m + T.log((1 - t) * T.exp(logP - m) + t * T.exp(logQ - m))
      l = ce * T.exp(gamma * logOneMinusPt)
      if let a = o.alpha.map(T.init) { l *= a * t + (1 - a) * (1 - t) }
    case .kerasBinaryFocalCrossentropy, .kerasMetricsBinaryCrossentropy:
      let s = ls == 0 ? t : t * (1 - ls) + ls / 2
      if loss == .kerasMetricsBinaryCrossentropy && o.fromLogits {
        l = -s * logSigmoid(v) - (1 - s) * logSigmoid(-v)
        break
      }
      // Keras' focal loss applies sigmoid, then clips like its BCE.
      if p < eps || p > 1 - eps { clipped.append(i) }
      let c = min(max(p, eps), 1 - eps)
      l = -(s * T.log(c) + (1 - s) * T.log(1 - c))
      if loss == .kerasBinaryFocalCrossentropy {
        let pt = s * p + (1 - s) * (1 - p)
        l *= power(1 - pt, gamma)
        if o.classBalancing {
          let a = T(o.alpha ?? 0.25)
          l *= s * a + (1 - s) * (1 - a)
        }
      }
    default:
      preconditionFailure("\(loss.rawValue) is not a binary framework loss")
    }
    if let w = o.sampleWeights { l *= T(w[i]) }
    losses[i] = l
  }
  var sum: T = 0
  for l in losses { sum += l }
  var denominator = T(n)
  if loss == .kerasMetricsBinaryCrossentropy, let w = o.sampleWeights {
    denominator = 0
    for s in w { denominator += T(s) }
  }
  // MLX's mean multiplies by 1/n (33.333336 in float32 where PyTorch's
  // division gives 33.333332).
  let mean = loss == .mlxBinaryCrossEntropy ? sum * (1 / denominator) : sum / denominator
  return LossResult(
    value: o.reduction == .sum ? sum : mean, losses: losses, clipped: clipped,
    denominator: denominator)
}

/// log σ(x) = min(x, 0) − log(1 + e^−|x|), as PyTorch and JAX compute it:
/// −∞ at x = −∞, 0 at +∞, never NaN for a finite or infinite x.
@inline(__always)
func logSigmoid<T: LossFloat>(_ x: T) -> T {
  min(x, 0) - T.log1p(T.exp(-abs(x)))
}

/// bᵍ for b ≥ 0, with 0⁰ = 1 and 0ᵍ = 0 for g > 0 (the focal factor).
@inline(__always)
func power<T: LossFloat>(_ b: T, _ g: T) -> T {
  if g == 0 { return 1 }
  if g == 1 { return b }
  if g == 2 { return b * b }
  return T.exp(g * T.log(b))
}

/// Binary cross-entropy of `yTrue` against `yPred` under a convention.
///
///     ℓᵢ = −[yᵢ·log pᵢ + (1 − yᵢ)·log(1 − pᵢ)]
///
/// with pᵢ clipped, shifted or not as the convention says, computed in `T`
/// (Float reproduces the digits Keras prints).
///
/// - Parameters:
///   - yTrue: Targets in [0, 1] (0/1 labels, or soft labels).
///   - yPred: Probabilities of the positive class, or logits.
/// - Throws: ``CrossEntropyError`` for empty input, different lengths,
///   values outside [0, 1], label smoothing outside [0, 1].
@_specialize(where T == Double)
@_specialize(where T == Float)
public func binaryCrossEntropy<T: LossFloat>(
  yTrue: [T], yPred: [T], options: LossOptions
) throws(CrossEntropyError) -> LossResult<T> {
  try checkShapes(yTrue.count, yPred.count, weights: options.sampleWeights)
  try checkProbabilities(yTrue, name: "y_true")
  if !options.fromLogits { try checkProbabilities(yPred, name: "y_pred") }
  try checkScikitLearn(yTrue, options)
  let ls = try smoothing(options)
  let half = T(ls) / 2
  var losses = [T](repeating: 0, count: yTrue.count)
  var clipped: [Int] = []
  let lower = options.convention.clip(T.self)
  for i in yTrue.indices {
    let y = ls == 0 ? yTrue[i] : yTrue[i] * (1 - T(ls)) + half
    var l: T
    if options.fromLogits {
      // softplus(x) − y·x = −[y·log σ(x) + (1 − y)·log(1 − σ(x))].
      l = T.softplus(yPred[i]) - y * yPred[i]
    } else {
      var p = yPred[i]
      if let lower {
        let upper = 1 - lower
        if p < lower || p > upper { clipped.append(i) }
        p = min(max(p, lower), upper)
      }
      switch options.convention {
      case .keras2:
        let e = lower!
        l = -(y * T.log(p + e) + (1 - y) * T.log(1 - p + e))
      case .keras3, .sklearn:
        l = -(y * T.log(p) + (1 - y) * T.log(1 - p))
      case .exact:
        l = -(T.xlogy(y, p) + T.xlogy(1 - y, 1 - p))
      }
    }
    if let w = options.sampleWeights { l *= T(w[i]) }
    losses[i] = l
  }
  return LossResult(
    value: reduce(losses, options: options), losses: losses, clipped: clipped,
    denominator: meanDenominator(losses.count, options: options))
}

/// Keras reduces Σ sᵢℓᵢ over the batch size; scikit-learn (and the
/// textbook) takes the weighted average Σ sᵢℓᵢ / Σ sᵢ.
func reduce<T: LossFloat>(_ losses: [T], options: LossOptions) -> T {
  var sum: T = 0
  for l in losses { sum += l }
  switch options.reduction {
  case .sum: return sum
  case .mean, .none:
    if let w = options.sampleWeights,
      options.convention == .sklearn || options.convention == .exact
    {
      var total: T = 0
      for s in w { total += T(s) }
      return sum / total
    }
    return sum / T(losses.count)
  }
}

/// The divisor of ``reduce(_:options:)``'s mean.
func meanDenominator<T: LossFloat>(_ n: Int, options: LossOptions) -> T {
  if let w = options.sampleWeights,
    options.convention == .sklearn || options.convention == .exact
  {
    var total: T = 0
    for s in w { total += T(s) }
    return total
  }
  return T(n)
}

func checkShapes(_ a: Int, _ b: Int, weights: [Double]?) throws(CrossEntropyError) {
  if a == 0 { throw CrossEntropyError("y_true is empty") }
  if a != b {
    throw CrossEntropyError("y_true has \(a) samples but y_pred has \(b)")
  }
  if let weights, weights.count != a {
    throw CrossEntropyError("\(weights.count) sample weights for \(a) samples")
  }
  if let weights, let bad = weights.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
    throw CrossEntropyError("sample weight \(bad + 1) is \(weights[bad]); weights must be >= 0")
  }
}

func checkProbabilities<T: LossFloat>(_ v: [T], name: String) throws(CrossEntropyError) {
  if let i = v.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
    throw CrossEntropyError(
      "\(name) value \(Double(v[i])) (item \(i + 1)) is not a probability in [0, 1]"
        + (name == "y_pred" ? "; pass logits with from_logits" : ""))
  }
}

func smoothing(_ options: LossOptions) throws(CrossEntropyError) -> Double {
  let ls = options.labelSmoothing
  if !(ls >= 0 && ls <= 1) {
    throw CrossEntropyError("label smoothing must be in [0, 1], found \(ls)")
  }
  return ls
}

/// scikit-learn's `log_loss` takes class labels and probabilities: no soft
/// targets, no logits, no label smoothing.
func checkScikitLearn<T: LossFloat>(
  _ yTrue: [T], _ options: LossOptions
) throws(CrossEntropyError) {
  guard options.convention == .sklearn else { return }
  if options.fromLogits {
    throw CrossEntropyError("scikit-learn's log_loss takes probabilities, not logits")
  }
  if options.labelSmoothing != 0 {
    throw CrossEntropyError("scikit-learn's log_loss has no label smoothing")
  }
  if yTrue.contains(where: { $0 != 0 && $0 != 1 }) {
    throw CrossEntropyError("scikit-learn's log_loss takes labels: y_true must be 0 or 1")
  }
}

/// Categorical cross-entropy of one-hot (or soft) rows against predicted
/// rows under a convention.
///
///     ℓᵢ = −Σₖ yᵢₖ·log pᵢₖ
///
/// Keras divides each predicted row by its sum and clips to [1e-7, 1 − 1e-7];
/// scikit-learn clips to [ε, 1 − ε] and leaves rows as they are (it only
/// warns when they do not sum to 1); the textbook does neither.
///
/// - Throws: ``CrossEntropyError`` for empty input, different numbers of
///   rows, rows of different widths, values outside [0, 1].
@_specialize(where T == Double)
@_specialize(where T == Float)
public func categoricalCrossEntropy<T: LossFloat>(
  yTrue: [[T]], yPred: [[T]], options: LossOptions
) throws(CrossEntropyError) -> LossResult<T> {
  try checkShapes(yTrue.count, yPred.count, weights: options.sampleWeights)
  let K = yTrue[0].count
  if K < 2 { throw CrossEntropyError("categorical rows need at least 2 classes, found \(K)") }
  for (i, (t, p)) in zip(yTrue, yPred).enumerated() where t.count != K || p.count != K {
    throw CrossEntropyError(
      "row \(i + 1) has \(t.count) targets and \(p.count) predictions; every row needs \(K)")
  }
  try checkProbabilities(Array(yTrue.joined()), name: "y_true")
  if !options.fromLogits { try checkProbabilities(Array(yPred.joined()), name: "y_pred") }
  try checkScikitLearn(Array(yTrue.joined()), options)
  let ls = T(try smoothing(options))
  let lower = options.convention.clip(T.self)
  var losses = [T](repeating: 0, count: yTrue.count)
  var clipped: [Int] = []
  var p = [T](repeating: 0, count: K)
  for i in yTrue.indices {
    var l: T = 0
    if options.fromLogits {
      // log-softmax: x_k − (m + log Σ e^{x_j − m}).
      let x = yPred[i]
      let m = x.max()!
      var s: T = 0
      for v in x { s += T.exp(v - m) }
      let logSum = m + T.log(s)
      for k in 0..<K {
        let y = ls == 0 ? yTrue[i][k] : yTrue[i][k] * (1 - ls) + ls / T(K)
        if y != 0 { l -= y * (x[k] - logSum) }
      }
    } else {
      p = yPred[i]
      if options.convention.renormalizesRows {
        var s: T = 0
        for v in p { s += v }
        for k in 0..<K { p[k] /= s }
      }
      if let lower {
        let upper = 1 - lower
        if p.contains(where: { $0 < lower || $0 > upper }) { clipped.append(i) }
        for k in 0..<K { p[k] = min(max(p[k], lower), upper) }
      }
      for k in 0..<K {
        let y = ls == 0 ? yTrue[i][k] : yTrue[i][k] * (1 - ls) + ls / T(K)
        l -= T.xlogy(y, p[k])
      }
    }
    if let w = options.sampleWeights { l *= T(w[i]) }
    losses[i] = l
  }
  return LossResult(
    value: reduce(losses, options: options), losses: losses, clipped: clipped,
    denominator: meanDenominator(losses.count, options: options))
}

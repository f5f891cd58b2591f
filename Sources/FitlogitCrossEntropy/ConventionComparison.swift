/// One convention's answer for the side-by-side view of `fitlogit loss`.
public struct ConventionAnswer: Sendable {
  public var convention: Convention
  /// In float64, and in float32 as Keras computes; nil where the convention
  /// does not apply (scikit-learn with logits or soft labels).
  public var value: Double?
  public var float32: Double?
  public var losses: [Double]
  /// Samples moved by clipping, 0-based.
  public var clipped: [Int]
  /// Why this answer differs from the others, in one line.
  public var reason: String
}

/// Every convention on the same arrays, with the reason each differs: the
/// answer to "TensorFlow says 5.1416, my formula says 16.12".
///
/// - Parameters:
///   - yTrue: n values (binary) or n rows of K (categorical).
///   - yPred: The same shape.
///   - options: Everything but the convention, which varies.
/// - Throws: ``CrossEntropyError`` for input no convention accepts.
public func compareConventions(
  yTrue: [[Double]], yPred: [[Double]], categorical: Bool, options: LossOptions
) throws(CrossEntropyError) -> [ConventionAnswer] {
  var answers: [ConventionAnswer] = []
  for convention in Convention.allCases {
    var o = options
    o.convention = convention
    do {
      let (r64, r32) = try lossInBothPrecisions(yTrue, yPred, categorical, o)
      answers.append(
        ConventionAnswer(
          convention: convention, value: Double(r64.value), float32: Double(r32.value),
          losses: r64.losses.map { Double($0) }, clipped: r64.clipped,
          reason: reason(convention, categorical: categorical, options: o, result: r64)))
    } catch {
      if convention == .sklearn && (o.fromLogits || o.labelSmoothing != 0 || isSoft(yTrue)) {
        answers.append(
          ConventionAnswer(
            convention: convention, value: nil, float32: nil, losses: [], clipped: [],
            reason: "not applicable: \(error.message)"))
        continue
      }
      throw error
    }
  }
  return answers
}

/// The same loss in Double and in Float: n values (binary) or n rows of K
/// (categorical).
public func lossInBothPrecisions(
  _ yTrue: [[Double]], _ yPred: [[Double]], _ categorical: Bool, _ o: LossOptions
) throws(CrossEntropyError) -> (LossResult<Double>, LossResult<Float>) {
  if categorical {
    return (
      try categoricalCrossEntropy(yTrue: yTrue, yPred: yPred, options: o),
      try categoricalCrossEntropy(
        yTrue: yTrue.map { $0.map(Float.init) }, yPred: yPred.map { $0.map(Float.init) },
        options: o)
    )
  }
  let t = yTrue.map { $0[0] }
  let p = yPred.map { $0[0] }
  return (
    try binaryCrossEntropy(yTrue: t, yPred: p, options: o),
    try binaryCrossEntropy(yTrue: t.map(Float.init), yPred: p.map(Float.init), options: o)
  )
}

private func isSoft(_ y: [[Double]]) -> Bool {
  y.contains { $0.contains { $0 != 0 && $0 != 1 } }
}

private func reason(
  _ c: Convention, categorical: Bool, options o: LossOptions, result: LossResult<Double>
) -> String {
  if o.fromLogits {
    return c == .keras2 || c == .keras3
      ? "from logits: log-sigmoid/log-softmax, never clipped; float32 is what Keras prints"
      : "from logits, computed stably (softplus, log-sum-exp): no clipping needed"
  }
  let renormalize = categorical ? "divides each row by its sum, then " : ""
  switch c {
  case .keras2:
    return categorical
      ? "tf.keras / TensorFlow 2: \(renormalize)clips to [1e-7, 1-1e-7] before the log"
      : "tf.keras / TensorFlow 2: clips p to [1e-7, 1-1e-7], then adds 1e-7 inside each "
        + "log (log(p + 1e-7)); in float32 1-1e-7 rounds to 1-1.19e-7"
  case .keras3:
    return categorical
      ? "Keras 3: \(renormalize)clips to [1e-7, 1-1e-7] before the log (same as Keras 2)"
      : "Keras 3: the same clipping to [1e-7, 1-1e-7] but plain logs, without the extra 1e-7"
  case .sklearn:
    let cost = -Double.log(Double.ulpOfOne)
    return "scikit-learn log_loss: clips to [2.2e-16, 1-2.2e-16] (machine epsilon), so a "
      + "certain wrong prediction costs \(rounded(cost, 2)) instead of Keras' 16.12 "
      + "(in float32 its epsilon is 1.19e-7)"
      + (categorical ? "; rows are used as given (it only warns if they do not sum to 1)" : "")
  case .exact:
    return result.value.isInfinite
      ? "the textbook formula, no clipping: a probability of 0 for the true class costs "
        + "-log 0 = +inf"
      : "the textbook formula, no clipping" + (categorical ? " and no renormalization" : "")
  }
}

/// `v` to `places` decimals, for prose.
func rounded(_ v: Double, _ places: Int) -> String {
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let r = (v * scale).rounded() / scale
  return "\(r)"
}

/// One framework's answer for the side-by-side view of `fitlogit loss`.
public struct LossAnswer: Sendable {
  public var loss: FrameworkLoss
  /// In float64 (nil for Keras' float32-only classes and where the loss
  /// does not apply), and in float32.
  public var value: Double?
  public var float32: Double?
  public var losses: [Double]
  /// Samples whose prediction was clipped or whose log was clamped, 0-based.
  public var clipped: [Int]
  /// Why this answer differs from the others (or why there is none), in
  /// one line.
  public var reason: String
  /// How many samples were clipped in all (`clipped` may list only the
  /// first of them).
  public var clippedCount: Int
  /// False where the loss does not take these arguments.
  public var applies: Bool { float32 != nil }

  public init(
    loss: FrameworkLoss, value: Double?, float32: Double?, losses: [Double], clipped: [Int],
    clippedCount: Int? = nil, reason: String
  ) {
    self.loss = loss
    self.value = value
    self.float32 = float32
    self.losses = losses
    self.clipped = clipped
    self.clippedCount = clippedCount ?? clipped.count
    self.reason = reason
  }
}

/// Every framework's loss on the same arrays, with the reason each differs:
/// "what would PyTorch say", next to Keras and scikit-learn.
///
/// - Parameters:
///   - yTrue: n labels (binary), n class indices, or n rows of K.
///   - yPred: n probabilities or logits, or n rows of K.
///   - options: Everything but the convention.
/// - Throws: ``CrossEntropyError`` for input that no loss accepts (bad
///   shapes, probabilities outside [0, 1]): the first applicable loss's
///   complaint.
public func compareLosses(
  yTrue: [[Double]], yPred: [[Double]], categorical: Bool, options: LossOptions
) throws(CrossEntropyError) -> [LossAnswer] {
  var answers: [LossAnswer] = []
  var firstError: CrossEntropyError?
  for loss in FrameworkLoss.allCases
  where categorical ? loss.takesCategorical : loss.takesBinary {
    if loss == .torchCrossEntropyLossOnProbabilities && options.fromLogits { continue }
    do {
      let (r64, r32) = try loss.lossInBothPrecisions(
        yTrue: yTrue, yPred: yPred, categorical: categorical, options: options)
      answers.append(
        LossAnswer(
          loss: loss, value: loss.float32Only ? nil : r64.value, float32: Double(r32.value),
          losses: loss.float32Only ? r32.losses.map { Double($0) } : r64.losses,
          clipped: r64.clipped,
          reason: loss.reason(categorical: categorical, options: options, value: r64.value)))
    } catch {
      if firstError == nil && !FrameworkLoss.isRefusal(error) { firstError = error }
      answers.append(
        LossAnswer(
          loss: loss, value: nil, float32: nil, losses: [], clipped: [],
          reason: "not applicable: " + error.message))
    }
  }
  if let firstError, !answers.contains(where: \.applies) { throw firstError }
  return answers
}


extension LossFamily {
  /// What the family does, for the group's heading.
  public var explanation: String {
    switch self {
    case .clipAtEpsilon:
      "p is moved into [eps, 1-eps] before the log (Keras: 1e-7; scikit-learn: machine epsilon)"
    case .clampLog: "log p is taken as it is, then raised to -100 where it is lower"
    case .renormalize:
      "the loss takes logits: log-softmax of log p divides each row by its sum; nothing clipped"
    case .noClipping: "log 0 = -inf, and 0 times inf is NaN"
    }
  }
}

extension FrameworkLoss {
  /// Whether `error` is a loss refusing an argument it does not take
  /// (label smoothing, soft targets, pos_weight), rather than bad data.
  public static func isRefusal(_ error: CrossEntropyError) -> Bool {
    let m = error.message
    return m.contains(" has no ") || m.contains(" takes ") || m.contains("scikit-learn's")
      || m.contains(" reports one ")
  }

  /// Why this loss gives the value it does, in one line.
  public func reason(categorical: Bool, options o: LossOptions, value: Double) -> String {
    let logits = o.fromLogits
    let onLogP = logits ? "" : categorical ? " on log p" : " on logit(p) = log(p/(1-p))"
    if value.isNaN, let why = nanReason(categorical: categorical) { return why }
    switch self {
    case .keras2:
      return "tf.keras of TensorFlow <= 2.15 (Keras 2)"
        + (logits
          ? ": log-sigmoid/log-softmax, never clipped"
          : categorical
            ? ": divides each row by its sum, then clips to [1e-7, 1-1e-7]"
            : ": clips p to [1e-7, 1-1e-7], then adds 1e-7 inside each log")
        + "; since TensorFlow 2.16 tf.keras is Keras 3 and prints keras3's value"
    case .keras3:
      return "keras.losses."
        + (categorical ? "CategoricalCrossentropy" : "BinaryCrossentropy") + ", Keras 3"
        + (logits
          ? ": log-sigmoid/log-softmax, never clipped"
          : categorical
            ? ": divides each row by its sum, then clips to [1e-7, 1-1e-7]"
            : ": clips p to [1e-7, 1-1e-7], plain logs")
        + "; computes in float32 even when given float64"
    case .sklearn:
      return "sklearn.metrics.log_loss: clips to [2.2e-16, 1-2.2e-16] (machine epsilon), so a "
        + "certain wrong prediction costs 36.04 rather than Keras' 16.12"
        + (categorical ? "; rows are used as given (it warns when they do not sum to 1)" : "")
    case .exact:
      return value.isInfinite
        ? "the textbook formula: a probability of 0 for the true class costs -log 0 = +inf"
        : "the textbook formula" + (categorical ? ", rows as given" : "")
    case .torchBCELoss:
      return "torch.nn.BCELoss" + (logits ? " on sigmoid(x)" : "")
        + ": each log clamped at -100, so a certain wrong prediction costs 100"
    case .mlxBinaryCrossEntropy:
      return logits
        ? "mlx.nn.losses.binary_cross_entropy (with_logits=True, its default): logaddexp(0, x) - x*y"
        : "mlx.nn.losses.binary_cross_entropy(with_logits=False): the log clamped at -100, "
          + "as torch.BCELoss"
    case .torchBCEWithLogitsLoss:
      return "torch.nn.BCEWithLogitsLoss\(onLogP): stable log-sigmoid"
        + (o.posWeight.map { ", positive term weighted by pos_weight \($0)" } ?? "")
    case .optaxSigmoidBinaryCrossEntropy:
      return "optax\(onLogP): stable log-sigmoid; per-example losses, the mean is yours"
    case .optaxSigmoidFocalLoss:
      return "optax\(onLogP): the same times (1 - p_t)^\(short(o.gamma))"
        + (o.alpha.map { ", weighted by alpha \(short($0))" } ?? ", no alpha")
        + "; per-example"
    case .kerasBinaryFocalCrossentropy:
      return "Keras 3: BinaryCrossentropy's per-sample value times (1 - p_t)^\(short(o.gamma))"
        + (o.classBalancing ? ", weighted by alpha \(short(o.alpha ?? 0.25))" : "")
        + "; float32"
    case .kerasMetricsBinaryCrossentropy, .kerasMetricsCategoricalCrossentropy,
      .kerasMetricsSparseCategoricalCrossentropy:
      return "the Keras 3 metric: the loss's per-sample values, but a weighted mean "
        + "that divides by the sum of the weights (the loss divides by the batch size); float32"
    case .torchCrossEntropyLoss:
      return "torch.nn.CrossEntropyLoss\(onLogP) (it takes logits)"
        + (o.classWeights != nil ? "; the mean divides by the targets' summed class weights" : "")
    case .torchCrossEntropyLossOnProbabilities:
      return "the forums' mistake: probabilities passed to CrossEntropyLoss get a second "
        + "softmax, which pulls every loss toward log K; pass log p, or use NLLLoss(log p)"
    case .torchNLLLoss:
      return "torch.nn.NLLLoss\(logits ? " on log_softmax(x)" : "(log p)"): -log p of the "
        + "true class, rows as given"
    case .optaxSoftmaxCrossEntropy:
      return "optax\(onLogP): -sum y*log_softmax; per-example"
    case .optaxSoftmaxCrossEntropyWithIntegerLabels:
      return "optax\(onLogP) with class indices: logsumexp minus the true class's logit"
    case .optaxSafeSoftmaxCrossEntropy:
      return "optax\(onLogP): as softmax_cross_entropy, with 0*log 0 = 0 where a logit is -inf"
    case .mlxCrossEntropy:
      return "mlx.nn.losses.cross_entropy\(onLogP): reduction 'none' by default (this is the mean)"
    case .mlxNLLLoss:
      return "mlx.nn.losses.nll_loss\(logits ? " on log_softmax(x)" : "(log p)"): rows as given; "
        + "reduction 'none' by default"
    case .kerasSparseCategoricalCrossentropy:
      return "Keras 3 with class indices: renormalize and clip as CategoricalCrossentropy"
        + (o.ignoreIndex.map { "; ignore_class=\($0) leaves samples out of the mean" } ?? "")
    case .kerasCategoricalFocalCrossentropy:
      return "Keras 3: renormalize, clip, then alpha*(1 - p)^gamma*(-log p) (alpha "
        + "\(short(o.alpha ?? 0.25)), gamma \(short(o.gamma))); float32"
    }
  }

  /// Why the framework itself gives NaN here.
  private func nanReason(categorical: Bool) -> String? {
    switch self {
    case .torchBCEWithLogitsLoss, .optaxSigmoidBinaryCrossEntropy, .optaxSigmoidFocalLoss:
      "NaN, as the framework gives: a probability of 0 or 1 is a logit of -inf or +inf, and "
        + "the formula multiplies it by a label term of 0 (0*inf); pass finite logits"
    case .optaxSoftmaxCrossEntropy, .torchCrossEntropyLoss:
      "NaN, as the framework gives: a probability of 0 is a logit of -inf, and its 0 target "
        + "times -inf is NaN (optax.safe_softmax_cross_entropy takes 0*log 0 = 0)"
    default: nil
    }
  }
}

/// 2 rather than 2.0, for prose.
private func short(_ v: Double) -> String {
  v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : "\(v)"
}

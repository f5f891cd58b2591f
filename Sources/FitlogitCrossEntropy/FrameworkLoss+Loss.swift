// MARK: - Checking the arguments and computing one framework's loss

extension FrameworkLoss {
  /// This loss on `yTrue` against `yPred`, computed in `T`.
  ///
  /// - Parameters:
  ///   - yTrue: n rows: one label each (binary), one class index each, or
  ///     K one-hot or soft targets (categorical).
  ///   - yPred: n rows: one probability or logit (binary), or K
  ///     probabilities or logits (categorical).
  /// - Throws: ``CrossEntropyError`` for bad input, and for an argument the
  ///   framework's loss does not take (NLLLoss with soft targets, BCELoss
  ///   with label smoothing, pos_weight anywhere but BCEWithLogitsLoss).
  @_specialize(where T == Double)
  @_specialize(where T == Float)
  public func loss<T: LossFloat>(
    yTrue: [[T]], yPred: [[T]], categorical: Bool, options o: LossOptions
  ) throws(CrossEntropyError) -> LossResult<T> {
    try checkShapes(yTrue.count, yPred.count, weights: o.sampleWeights)
    try checkArguments(categorical: categorical, options: o)
    if !categorical {
      return try binaryLoss(
        yTrue: yTrue.map { $0[0] }, yPred: yPred.map { $0[0] }, options: o)
    }
    let K = yPred[0].count
    if K < 2 { throw CrossEntropyError("categorical rows need at least 2 classes, found \(K)") }
    let indexTargets = yTrue.allSatisfy { $0.count == 1 }
    for i in yPred.indices where yPred[i].count != K || (!indexTargets && yTrue[i].count != K) {
      throw CrossEntropyError(
        "row \(i + 1) has \(yTrue[i].count) targets and \(yPred[i].count) predictions; "
          + "every row needs \(K)")
    }
    if !o.fromLogits { try checkProbabilities(Array(yPred.joined()), name: "y_pred") }
    if let w = o.classWeights, w.count != K {
      throw CrossEntropyError("\(w.count) class weights for \(K) classes")
    }
    let targets = try categoricalTargets(yTrue, classes: K, ignoreIndex: o.ignoreIndex)
    if targets.anyIgnored && !takesIgnoreIndex {
      throw CrossEntropyError(
        "\(rawValue) has no ignore index (torch's ignore_index, Keras' ignore_class)")
    }
    if targets.indices == nil && needsClassIndices {
      throw CrossEntropyError("\(rawValue) takes class indices, not soft targets")
    }
    if let convention {
      var c = o
      c.convention = convention
      return try categoricalCrossEntropy(yTrue: targets.rows, yPred: yPred, options: c)
    }
    return frameworkCategorical(self, targets: targets, pred: yPred, options: o)
  }

  /// This binary loss on n labels and n probabilities (or logits), without
  /// wrapping each in a row: the form a long input is read in.
  @_specialize(where T == Double)
  @_specialize(where T == Float)
  public func binaryLoss<T: LossFloat>(
    yTrue t: [T], yPred p: [T], options o: LossOptions
  ) throws(CrossEntropyError) -> LossResult<T> {
    try checkShapes(t.count, p.count, weights: o.sampleWeights)
    try checkArguments(categorical: false, options: o)
    if let convention {
      var c = o
      c.convention = convention
      return try binaryCrossEntropy(yTrue: t, yPred: p, options: c)
    }
    try checkProbabilities(t, name: "y_true")
    if !o.fromLogits { try checkProbabilities(p, name: "y_pred") }
    return frameworkBinary(self, y: t, pred: p, options: o)
  }

  /// The same loss in Double and in Float.
  public func lossInBothPrecisions(
    yTrue: [[Double]], yPred: [[Double]], categorical: Bool, options: LossOptions
  ) throws(CrossEntropyError) -> (LossResult<Double>, LossResult<Float>) {
    (
      try loss(yTrue: yTrue, yPred: yPred, categorical: categorical, options: options),
      try loss(
        yTrue: yTrue.map { $0.map(Float.init) }, yPred: yPred.map { $0.map(Float.init) },
        categorical: categorical, options: options)
    )
  }

  var takesIgnoreIndex: Bool {
    switch self {
    case .torchCrossEntropyLoss, .torchCrossEntropyLossOnProbabilities, .torchNLLLoss,
      .kerasSparseCategoricalCrossentropy:
      true
    default: false
    }
  }

  var needsClassIndices: Bool {
    switch self {
    case .torchNLLLoss, .mlxNLLLoss, .optaxSoftmaxCrossEntropyWithIntegerLabels,
      .kerasSparseCategoricalCrossentropy, .kerasMetricsSparseCategoricalCrossentropy:
      true
    default: false
    }
  }

  var takesSampleWeights: Bool {
    switch self {
    case .torchCrossEntropyLoss, .torchCrossEntropyLossOnProbabilities, .torchNLLLoss,
      .optaxSigmoidBinaryCrossEntropy, .optaxSigmoidFocalLoss, .optaxSoftmaxCrossEntropy,
      .optaxSoftmaxCrossEntropyWithIntegerLabels, .optaxSafeSoftmaxCrossEntropy, .mlxNLLLoss:
      false
    default: true
    }
  }

  var takesLabelSmoothing: Bool {
    switch self {
    case .keras2, .keras3, .exact, .torchCrossEntropyLoss,
      .torchCrossEntropyLossOnProbabilities, .mlxCrossEntropy, .kerasBinaryFocalCrossentropy,
      .kerasCategoricalFocalCrossentropy, .kerasMetricsBinaryCrossentropy,
      .kerasMetricsCategoricalCrossentropy:
      true
    default: false
    }
  }

  /// A `keras.metrics` class: one weighted mean, no other reduction.
  public var isMetric: Bool {
    switch self {
    case .kerasMetricsBinaryCrossentropy, .kerasMetricsCategoricalCrossentropy,
      .kerasMetricsSparseCategoricalCrossentropy:
      true
    default: false
    }
  }

  private func checkArguments(
    categorical: Bool, options o: LossOptions
  ) throws(CrossEntropyError) {
    if categorical && !takesCategorical {
      throw CrossEntropyError(
        "\(rawValue) takes one probability per sample (binary), not rows of classes")
    }
    if !categorical && !takesBinary {
      throw CrossEntropyError(
        "\(rawValue) takes rows of class probabilities (categorical), not one per sample")
    }
    if o.sampleWeights != nil && !takesSampleWeights {
      throw CrossEntropyError(
        "\(rawValue) takes no per-sample weights"
          + (rawValue.hasPrefix("optax") ? " (it returns per-example losses)" : ""))
    }
    if o.classWeights != nil
      && ![.torchCrossEntropyLoss, .torchCrossEntropyLossOnProbabilities, .torchNLLLoss]
        .contains(self)
    {
      throw CrossEntropyError(
        "\(rawValue) has no per-class weight (torch's CrossEntropyLoss and NLLLoss do)")
    }
    if o.posWeight != nil && self != .torchBCEWithLogitsLoss {
      throw CrossEntropyError("\(rawValue) has no pos_weight (torch's BCEWithLogitsLoss does)")
    }
    if o.labelSmoothing != 0 && !takesLabelSmoothing && convention == nil {
      throw CrossEntropyError("\(rawValue) has no label smoothing")
    }
    if !(o.labelSmoothing >= 0 && o.labelSmoothing <= 1) {
      throw CrossEntropyError("label smoothing must be in [0, 1], found \(o.labelSmoothing)")
    }
    if isMetric && o.reduction != .mean {
      throw CrossEntropyError("\(rawValue) reports one weighted mean, no reduction \(o.reduction)")
    }
    if let w = o.classWeights, let bad = w.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
      throw CrossEntropyError("class weight \(bad + 1) is \(w[bad]); weights must be >= 0")
    }
  }
}

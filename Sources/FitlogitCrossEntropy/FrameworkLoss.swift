/// A cross-entropy as one framework computes it, named as that framework
/// names it: the losses a user calls in PyTorch, JAX/optax, MLX or Keras,
/// and scikit-learn's `log_loss`.
///
/// Each is computed on the predictions the user has, passed the way that
/// framework is called with them: probabilities go to a probability loss as
/// they are and to a logit loss as logit(p) = log(p / (1 − p)) (binary) or
/// log p (categorical, where log-softmax of log p divides the row by its
/// sum); logits go to a logit loss as they are and to a probability loss
/// through sigmoid or softmax (NLL losses: log-softmax).
public enum FrameworkLoss: String, CaseIterable, Sendable {
  /// tf.keras of TensorFlow ≤ 2.15 (Keras 2); since TensorFlow 2.16 tf.keras
  /// is Keras 3.
  case keras2
  /// `keras.losses.BinaryCrossentropy` / `CategoricalCrossentropy`, Keras 3.
  case keras3
  /// `sklearn.metrics.log_loss`.
  case sklearn
  /// The textbook formula.
  case exact
  case torchBCELoss = "torch.BCELoss"
  case torchBCEWithLogitsLoss = "torch.BCEWithLogitsLoss"
  case torchCrossEntropyLoss = "torch.CrossEntropyLoss"
  /// The forums' mistake: probabilities passed to `CrossEntropyLoss`, which
  /// takes logits, so it applies a second softmax.
  case torchCrossEntropyLossOnProbabilities = "torch.CrossEntropyLoss(probabilities)"
  case torchNLLLoss = "torch.NLLLoss"
  case optaxSigmoidBinaryCrossEntropy = "optax.sigmoid_binary_cross_entropy"
  case optaxSigmoidFocalLoss = "optax.sigmoid_focal_loss"
  case optaxSoftmaxCrossEntropy = "optax.softmax_cross_entropy"
  case optaxSoftmaxCrossEntropyWithIntegerLabels =
    "optax.softmax_cross_entropy_with_integer_labels"
  case optaxSafeSoftmaxCrossEntropy = "optax.safe_softmax_cross_entropy"
  case mlxBinaryCrossEntropy = "mlx.binary_cross_entropy"
  case mlxCrossEntropy = "mlx.cross_entropy"
  case mlxNLLLoss = "mlx.nll_loss"
  case kerasSparseCategoricalCrossentropy = "keras.losses.SparseCategoricalCrossentropy"
  case kerasBinaryFocalCrossentropy = "keras.losses.BinaryFocalCrossentropy"
  case kerasCategoricalFocalCrossentropy = "keras.losses.CategoricalFocalCrossentropy"
  case kerasMetricsBinaryCrossentropy = "keras.metrics.BinaryCrossentropy"
  case kerasMetricsCategoricalCrossentropy = "keras.metrics.CategoricalCrossentropy"
  case kerasMetricsSparseCategoricalCrossentropy =
    "keras.metrics.SparseCategoricalCrossentropy"

  /// The loss named `name`: its own name, a framework's spelling of it
  /// (`torch.nn.BCELoss`, `keras.losses.BinaryCrossentropy`,
  /// `sklearn.metrics.log_loss`), case-insensitive.
  public init?(name: String) {
    let key = name.lowercased()
    for loss in FrameworkLoss.allCases
    where loss.rawValue.lowercased() == key
      || loss.aliases.contains(where: { $0.lowercased() == key })
    {
      self = loss
      return
    }
    return nil
  }

  /// Other names the frameworks' users write for the same loss.
  public var aliases: [String] {
    switch self {
    case .keras2:
      ["tf.keras", "keras2.losses.BinaryCrossentropy", "keras2.losses.CategoricalCrossentropy"]
    case .keras3:
      [
        "keras", "keras.losses.BinaryCrossentropy", "keras.losses.CategoricalCrossentropy",
        "keras.losses.binary_crossentropy", "keras.losses.categorical_crossentropy",
      ]
    case .sklearn: ["sklearn.log_loss", "sklearn.metrics.log_loss", "log_loss"]
    case .exact: ["textbook"]
    case .torchBCELoss: ["torch.nn.BCELoss", "torch.nn.functional.binary_cross_entropy"]
    case .torchBCEWithLogitsLoss:
      ["torch.nn.BCEWithLogitsLoss", "torch.nn.functional.binary_cross_entropy_with_logits"]
    case .torchCrossEntropyLoss:
      ["torch.nn.CrossEntropyLoss", "torch.nn.functional.cross_entropy"]
    case .torchNLLLoss: ["torch.nn.NLLLoss", "torch.nn.functional.nll_loss"]
    case .optaxSigmoidBinaryCrossEntropy, .optaxSigmoidFocalLoss, .optaxSoftmaxCrossEntropy,
      .optaxSoftmaxCrossEntropyWithIntegerLabels, .optaxSafeSoftmaxCrossEntropy:
      [rawValue.replacing("optax.", with: "optax.losses.")]
    case .mlxBinaryCrossEntropy, .mlxCrossEntropy, .mlxNLLLoss:
      [rawValue.replacing("mlx.", with: "mlx.nn.losses.")]
    default: []
    }
  }

  /// What the loss does to a probability of 0 or 1, the four ways the
  /// side-by-side view groups them.
  public var family: LossFamily {
    switch self {
    case .keras2, .keras3, .sklearn, .kerasSparseCategoricalCrossentropy,
      .kerasBinaryFocalCrossentropy, .kerasCategoricalFocalCrossentropy,
      .kerasMetricsBinaryCrossentropy, .kerasMetricsCategoricalCrossentropy,
      .kerasMetricsSparseCategoricalCrossentropy:
      .clipAtEpsilon
    case .torchBCELoss, .mlxBinaryCrossEntropy: .clampLog
    case .torchCrossEntropyLoss, .torchCrossEntropyLossOnProbabilities,
      .optaxSoftmaxCrossEntropy, .optaxSoftmaxCrossEntropyWithIntegerLabels,
      .optaxSafeSoftmaxCrossEntropy, .mlxCrossEntropy:
      .renormalize
    case .exact, .torchNLLLoss, .mlxNLLLoss, .torchBCEWithLogitsLoss,
      .optaxSigmoidBinaryCrossEntropy, .optaxSigmoidFocalLoss:
      .noClipping
    }
  }

  /// Binary (one probability per sample), categorical (a row per sample),
  /// or both.
  public var takesBinary: Bool {
    switch self {
    case .keras2, .keras3, .sklearn, .exact, .torchBCELoss, .torchBCEWithLogitsLoss,
      .optaxSigmoidBinaryCrossEntropy, .optaxSigmoidFocalLoss, .mlxBinaryCrossEntropy,
      .kerasBinaryFocalCrossentropy, .kerasMetricsBinaryCrossentropy:
      true
    default: false
    }
  }

  public var takesCategorical: Bool {
    switch self {
    case .keras2, .keras3, .sklearn, .exact: true
    default: !takesBinary
    }
  }

  /// Keras computes in float32 even when given float64 arrays; the others
  /// compute in the arrays' type.
  public var float32Only: Bool {
    switch self {
    case .kerasSparseCategoricalCrossentropy, .kerasBinaryFocalCrossentropy,
      .kerasCategoricalFocalCrossentropy, .kerasMetricsBinaryCrossentropy,
      .kerasMetricsCategoricalCrossentropy, .kerasMetricsSparseCategoricalCrossentropy:
      true
    default: false
    }
  }

  /// The fitlogit convention behind the four original names.
  var convention: Convention? {
    switch self {
    case .keras2: .keras2
    case .keras3: .keras3
    case .sklearn: .sklearn
    case .exact: .exact
    default: nil
    }
  }
}

/// What a loss does where a probability is 0 or 1 (log 0 = −∞).
public enum LossFamily: String, CaseIterable, Sendable {
  /// Clip p to [ε, 1 − ε] first (Keras: 1e-7; scikit-learn: machine ε).
  case clipAtEpsilon = "clip at epsilon"
  /// Take the log, then clamp it at −100 (PyTorch's BCELoss, MLX).
  case clampLog = "clamp the log at -100"
  /// Log-softmax of log p: each row divided by its sum, nothing clipped.
  case renormalize = "renormalize (log-softmax)"
  /// No clipping: log 0 is −∞ (or NaN where 0·∞ appears).
  case noClipping = "no clipping"
}

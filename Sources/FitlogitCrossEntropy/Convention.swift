/// The ways libraries compute the same cross-entropy, and where they part.
public enum Convention: String, CaseIterable, Sendable {
  /// tf.keras of TensorFlow ≤ 2.15 (Keras 2): clip p to [1e-7, 1 − 1e-7],
  /// then log(p + 1e-7) and log(1 − p + 1e-7) for binary; categorical
  /// renormalizes rows. Since TensorFlow 2.16 tf.keras is Keras 3.
  case keras2
  /// Keras 3: the same clipping, plain logs; categorical renormalizes rows.
  case keras3
  /// scikit-learn's `log_loss`: clip to [ε, 1 − ε] with ε the type's machine
  /// epsilon, no renormalization.
  case sklearn
  /// The textbook formula: no clipping, so a certain wrong prediction costs
  /// +∞; 0·log 0 = 0.
  case exact

  /// Keras' `epsilon()`, the clipping bound of both Keras conventions.
  static let kerasEpsilon = 1e-7

  /// The lower clipping bound in `T`, or nil without clipping.
  func clip<T: LossFloat>(_: T.Type) -> T? {
    switch self {
    case .keras2, .keras3: T(Convention.kerasEpsilon)
    case .sklearn: T.ulpOfOne
    case .exact: nil
    }
  }

  /// Keras divides each row by its sum before clipping; the others take the
  /// probabilities as given.
  var renormalizesRows: Bool { self == .keras2 || self == .keras3 }
}

/// How per-sample losses become one number.
public enum Reduction: String, CaseIterable, Sendable {
  /// Keras' `sum_over_batch_size`: Σ sᵢℓᵢ / n (scikit-learn: Σ sᵢℓᵢ / Σ sᵢ).
  case mean
  /// Σ sᵢℓᵢ (scikit-learn's `normalize=False`).
  case sum
  /// The per-sample losses themselves.
  case none
}

/// Everything besides the data that changes a cross-entropy's value.
public struct LossOptions: Sendable {
  public var convention: Convention
  /// Predictions are logits (log-odds, or unnormalized log-probabilities)
  /// rather than probabilities: computed through log-sigmoid / log-softmax,
  /// never clipped.
  public var fromLogits: Bool
  /// Keras' label smoothing: y ← y(1 − ls) + ls/K (K = 2 for binary).
  public var labelSmoothing: Double
  public var reduction: Reduction
  /// One weight per sample, or nil for all ones.
  public var sampleWeights: [Double]?
  /// PyTorch's per-class `weight` (CrossEntropyLoss, NLLLoss): one per
  /// class; with class-index targets the mean divides by the summed
  /// weights of the targets.
  public var classWeights: [Double]?
  /// PyTorch's `pos_weight` (BCEWithLogitsLoss): the weight of the
  /// positive term.
  public var posWeight: Double?
  /// The class index whose samples are left out (PyTorch's
  /// `ignore_index`, Keras' `ignore_class`), with class-index targets.
  public var ignoreIndex: Int?
  /// The focal losses' exponent γ of (1 − p_t).
  public var gamma: Double = 2
  /// The focal losses' α, or nil for the framework's default (Keras 0.25,
  /// optax none).
  public var alpha: Double?
  /// Keras' `apply_class_balancing` (BinaryFocalCrossentropy): weigh by α
  /// and 1 − α.
  public var classBalancing = false

  public init(
    convention: Convention, fromLogits: Bool = false, labelSmoothing: Double = 0,
    reduction: Reduction = .mean, sampleWeights: [Double]? = nil
  ) {
    self.convention = convention
    self.fromLogits = fromLogits
    self.labelSmoothing = labelSmoothing
    self.reduction = reduction
    self.sampleWeights = sampleWeights
  }
}

/// A loss and how it was reached.
public struct LossResult<T: LossFloat>: Sendable {
  /// The reduced loss (for `.none`, the mean, so there is always one number).
  public var value: T
  /// Per-sample losses, weights applied.
  public var losses: [T]
  /// Samples with at least one prediction moved by clipping, 0-based.
  public var clipped: [Int]
  /// What the mean divides the summed losses by (n, the summed weights,
  /// the samples not ignored), so that blocks of a long input can be
  /// summed and divided once at the end.
  public var denominator: T = 0
}

/// Why a loss cannot be computed from the given arrays.
public struct CrossEntropyError: Error, Equatable, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

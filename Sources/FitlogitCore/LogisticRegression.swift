import FitlogitData
import FitlogitSystem

import FitlogitOptimization

/// The options of scikit-learn's `LogisticRegression` that fitlogit offers,
/// with scikit-learn's defaults.
public struct LogisticRegression: Sendable {
  /// scikit-learn's older `penalty=` spelling. `deprecated` (scikit-learn
  /// 1.9's default value) means "not given": ``C`` and ``l1Ratio`` decide.
  public enum PenaltyName: String, Sendable, CaseIterable {
    case deprecated, l2, l1, elasticnet, none
  }
  /// The optimizer: scikit-learn's lbfgs, plain gradient descent, Newton
  /// (scikit-learn's newton-cholesky), scikit-learn's truncated Newton
  /// (newton-cg, ``NewtonCG``), or saga, scikit-learn's name for its
  /// L1 and elastic-net solver, whose optimum fitlogit reaches
  /// deterministically (``ProximalNewton``).
  /// liblinear solves its own problem, which penalizes the intercept
  /// (``liblinearResult(_:observer:)``).
  public enum Solver: String, Sendable, CaseIterable {
    case lbfgs, gd, newton, newtonCG = "newton-cg", saga, liblinear
  }
  /// scikit-learn's `class_weight`: none, "balanced" (n / (K · nₖ)), or a
  /// weight per class name (classes not named weigh 1).
  public enum ClassWeight: Equatable, Sendable {
    case none, balanced
    case weights([(name: String, weight: Double)])

    public static func == (a: ClassWeight, b: ClassWeight) -> Bool {
      switch (a, b) {
      case (.none, .none), (.balanced, .balanced): true
      case (.weights(let x), .weights(let y)):
        x.count == y.count && zip(x, y).allSatisfy { $0.name == $1.name && $0.weight == $1.weight }
      default: false
      }
    }
  }

  public var penalty: PenaltyName = .deprecated
  /// Inverse regularization strength; `.infinity` for no penalty; ignored
  /// with `penalty == .none`.
  public var C: Double = 1
  /// ρ, the L1 share of the penalty (scikit-learn's `l1_ratio`): 0 is L2,
  /// 1 is L1, between is the elastic net.
  public var l1Ratio: Double = 0
  public var fitIntercept = true
  public var solver: Solver = .lbfgs
  /// Stop when max |∂f/∂wᵢ| ≤ tol (scikit-learn's lbfgs meaning).
  public var tol: Double = 1e-4
  public var maxIter: Int = 100
  public var classWeight: ClassWeight = .none
  /// liblinear's constant column for the intercept (scikit-learn's
  /// `intercept_scaling`); other solvers ignore it.
  public var interceptScaling: Double = 1
  /// The starting point (scikit-learn's `warm_start`/`coef_init`): a model
  /// of the same classes and features, whose coefficients the solver
  /// starts from instead of zeros. liblinear ignores it, as scikit-learn's
  /// liblinear does.
  public var warmStart: LogisticModel?
  /// Runs every objective this configuration builds blocked, on this
  /// variant of the C kernels (nil: blocked by size, the variant cpuid
  /// chose). For the tests that run the golden fits on each variant.
  package var kernel: KernelPath?

  public init() {}

  /// The penalty the fit minimizes with, resolved from ``penalty``, ``C``
  /// and ``l1Ratio`` as scikit-learn 1.9's `fit` resolves them: the older
  /// `penalty=` spelling wins over `l1_ratio`, and C = ∞ means none.
  public var resolvedPenalty: Penalty {
    switch penalty {
    case .none: .none
    case .deprecated, .elasticnet: Penalty(C: C, l1Ratio: l1Ratio)
    case .l2: Penalty(C: C, l1Ratio: 0)
    case .l1: Penalty(C: C, l1Ratio: 1)
    }
  }

  /// Fits the model to `data`, starting from all zeros as scikit-learn does.
  ///
  /// Not converging is part of the result (``Fit/optimization``), not an
  /// error, so the caller can warn as scikit-learn's ConvergenceWarning does.
  public func fit(
    _ data: Dataset, observer: ((IterationRecord) -> Void)? = nil
  ) -> Fit {
    var objective = self.objective(for: data)
    // Only the proximal solver can minimize a non-smooth objective; the
    // CLI refuses the other solvers first (``solverProblem``), as
    // scikit-learn does.
    var solver = self.solver
    if resolvedPenalty.hasL1 && solver != .liblinear { solver = .saga }
    let start = startingPoint(for: data, dimension: objective.dimension)
    let result: OptimizationResult
    switch solver {
    case .lbfgs:
      var r = LBFGS(tolerance: tol, maxIterations: maxIter)
        .minimize(&objective, from: start, observer: observer)
      // scipy makes one iteration even with maxiter=0; scikit-learn reports
      // n_iter_ = min(nit, max_iter).
      r.iterations = min(r.iterations, maxIter)
      result = r
    case .gd:
      result = GradientDescent(tolerance: tol, maxIterations: maxIter)
        .minimize(&objective, from: start, observer: observer)
    case .newton:
      var newton = Newton(tolerance: tol, maxIterations: maxIter)
      let (from, pinned) = referenceClass(start, layout: objective.layout)
      newton.pinned = pinned
      var r = newton.minimize(&objective, from: from, observer: observer)
      if data.classCount > 2 { r.x = centered(r.x, layout: objective.layout) }
      result = r
    case .newtonCG:
      result = NewtonCG(tolerance: tol, maxIterations: maxIter)
        .minimize(&objective, from: start, observer: observer)
    case .saga:
      var r = l1Result(&objective, from: start, observer: observer)
      if data.classCount > 2 { r.x = centered(r.x, layout: objective.layout) }
      result = r
    case .liblinear:
      result = liblinearResult(data, observer: observer)
    }
    var model = LogisticModel(
      uncheckedParameters: result.x, classes: data.classes,
      featureNames: data.featureNames, fitIntercept: fitIntercept)
    if data.encoding.featureNames == data.featureNames { model.encoding = data.encoding }
    return Fit(
      model: model, options: self, optimization: result,
      targetName: data.targetName,
      trainingFeatures: data.features, trainingLabels: data.labels,
      logLoss: sklearnLogLoss(model, data.features, labels: data.labels),
      weightSum: objective.weightSum,
      classWeightSums: Self.classSums(
        data.labels, weights: objective.sampleWeights, classCount: data.classCount))
  }

  /// Σ sᵢ over each class's rows (class weights folded in).
  private static func classSums(
    _ labels: [Int], weights: [Double]?, classCount: Int
  ) -> [Double] {
    var sums = [Double](repeating: 0, count: classCount)
    for (i, y) in labels.enumerated() { sums[y] += weights?[i] ?? 1 }
    return sums
  }

  /// scikit-learn's refusal of this solver and penalty, or nil: only saga
  /// handles L1 and the elastic net (scikit-learn's `_check_solver`).
  public var solverProblem: String? {
    let name = resolvedPenalty.name
    if solver == .liblinear {
      if name == "elasticnet" {
        return "only the saga solver supports the elastic-net penalty, got solver liblinear"
      }
      if name == "none" {
        return "--C inf (no penalty) is not supported by the liblinear solver"
      }
      return nil
    }
    guard solver != .saga, name == "l1" || name == "elasticnet" else { return nil }
    return "solver \(solver.rawValue) supports only 'l2' or no penalty, got \(name) "
      + "penalty; use --solver saga"
  }

  /// Zeros, or ``warmStart``'s parameters when it fits `data`.
  private func startingPoint(for data: Dataset, dimension: Int) -> [Double] {
    guard let model = warmStart, warmStartProblem(for: data) == nil else {
      return [Double](repeating: 0, count: dimension)
    }
    return model.parameters(fitIntercept: fitIntercept)
  }

  /// Why ``warmStart`` cannot start a fit to `data` (other classes or
  /// features), or nil.
  public func warmStartProblem(for data: Dataset) -> String? {
    guard let model = warmStart else { return nil }
    if model.classes != data.classes {
      return "the warm-start model's classes (" + model.classes.joined(separator: ", ")
        + ") are not the data's (" + data.classes.joined(separator: ", ") + ")"
    }
    if model.featureNames != data.featureNames {
      return "the warm-start model's features (" + model.featureNames.joined(separator: ", ")
        + ") are not the data's (" + data.featureNames.joined(separator: ", ") + ")"
    }
    return nil
  }

  /// scikit-learn's refusal of liblinear for more than two classes.
  public func solverProblem(for data: Dataset) -> String? {
    guard solver == .liblinear && data.classCount > 2 else { return nil }
    return "the liblinear solver does not support multiclass classification "
      + "(\(data.classCount) classes); use another solver"
  }

  /// What scikit-learn 1.9 warns about this combination of the older
  /// `penalty=` spelling, C and l1_ratio (in its `fit`), in fitlogit's
  /// option names.
  public var penaltyWarnings: [String] {
    var found: [String] = []
    let name = resolvedPenalty.name
    if name != "elasticnet" && l1Ratio > 0 && l1Ratio < 1 {
      found.append("--l1-ratio is only used with an elastic-net penalty; it is ignored with \(name)")
    }
    if (penalty == .l2 && l1Ratio != 0) || (penalty == .l1 && l1Ratio != 1) {
      found.append(
        "inconsistent values: --penalty \(penalty.rawValue) with --l1-ratio \(l1Ratio); "
          + "--penalty is the older spelling, use --l1-ratio (0 is L2, 1 is L1) alone")
    }
    if penalty == .none && C != 1 {
      found.append("--penalty none ignores --C and --l1-ratio")
    }
    return found
  }

  /// A `--class-weight` name that is not a class of `data`, which
  /// scikit-learn refuses; nil when every name is a class.
  public func unknownClassWeight(for data: Dataset) -> String? {
    guard case .weights(let named) = classWeight else { return nil }
    return named.first { entry in !data.classes.contains { Self.sameClass(entry.name, $0) } }?
      .name
  }

  /// A class weight's name matches a class by its text, or, for numeric
  /// labels, by its value (`1.0` names class `1`, as pandas reads it).
  static func sameClass(_ given: String, _ name: String) -> Bool {
    if given == name { return true }
    if let a = Int64(given), let b = Int64(name) { return a == b }
    guard let a = Double(given), let b = Double(name) else { return false }
    return a == b
  }

  /// scikit-learn's newton-cholesky parametrization of K classes: the last
  /// class is the reference, its intercept (or, without a penalty, its
  /// whole row) moved to 0 by subtracting it from every class and held
  /// there, so the Hessian Newton solves with is invertible. Returns the
  /// shifted start and the held indices (none for two classes, or for a
  /// penalized fit without intercepts).
  private func referenceClass(
    _ w: [Double], layout: ParameterLayout
  ) -> (start: [Double], pinned: [Int]) {
    let K = layout.rows
    guard K > 2 else { return (w, []) }
    let columns: Range<Int> =
      resolvedPenalty.isNone
      ? 0..<layout.columns : (fitIntercept ? (layout.columns - 1)..<layout.columns : 0..<0)
    var w = w
    var pinned: [Int] = []
    for j in columns {
      let last = w[layout.index(row: K - 1, column: j)]
      for k in 0..<K { w[layout.index(row: k, column: j)] -= last }
      pinned.append(layout.index(row: K - 1, column: j))
    }
    return (w, pinned)
  }

  /// The softmax is unchanged when a constant is added to every class's
  /// intercept (or, without a penalty, to every class's coefficient of one
  /// feature). Gradient methods started at 0 never move that way; Newton's
  /// regularized solves can, so its result is moved back to the solution
  /// whose classes sum to zero, scikit-learn's.
  private func centered(_ w: [Double], layout: ParameterLayout) -> [Double] {
    var w = w
    let K = layout.rows
    let columns = layout.columns
    let free =
      resolvedPenalty.isNone
      ? 0..<columns : (fitIntercept ? (columns - 1)..<columns : 0..<0)
    for j in free {
      var mean = 0.0
      for k in 0..<K { mean += w[layout.index(row: k, column: j)] }
      mean /= Double(K)
      for k in 0..<K { w[layout.index(row: k, column: j)] -= mean }
    }
    return w
  }

  /// The objective this configuration minimizes on `data`.
  public func objective(for data: Dataset) -> LogisticObjective {
    var objective = LogisticObjective(
      features: data.features, labels: data.labels,
      classCount: data.classCount,
      sampleWeights: sampleWeights(for: data), penalty: resolvedPenalty,
      fitIntercept: fitIntercept)
    if let kernel {
      objective.blocked = true
      objective.kernel = kernel
    }
    return objective
  }

  /// sᵢ, with class weights folded in (scikit-learn: "balanced" gives class
  /// c the weight Σs / (K · Σ_{i∈c} sᵢ)); nil when every weight is 1.
  package func sampleWeights(for data: Dataset) -> [Double]? {
    if case .weights(let named) = classWeight {
      let perClass = data.classes.map { name in
        named.last { Self.sameClass($0.name, name) }?.weight ?? 1
      }
      let s = data.sampleWeights
      return data.labels.enumerated().map { i, y in (s?[i] ?? 1) * perClass[y] }
    }
    guard classWeight == .balanced else { return data.sampleWeights }
    let s = data.sampleWeights ?? [Double](repeating: 1, count: data.sampleCount)
    var perClass = [Double](repeating: 0, count: data.classCount)
    var total = 0.0
    for (i, y) in data.labels.enumerated() {
      perClass[y] += s[i]
      total += s[i]
    }
    let K = Double(data.classCount)
    return data.labels.enumerated().map { i, y in
      s[i] * (total / (K * perClass[y]))
    }
  }
}

/// A fitted model with how it was fitted and how well it fits its data.
public struct Fit: Sendable {
  public var model: LogisticModel
  public var options: LogisticRegression
  public var optimization: OptimizationResult
  /// The name of the label column the model predicts (the file's "target").
  public var targetName: String
  /// The rows the model was fitted to (shared storage, not a copy).
  public var trainingFeatures: Matrix
  public var trainingLabels: [Int]
  /// `predict_proba` on the training rows, n × K: computed when asked
  /// for, not kept, since 20,000 classes of two rows each would make it
  /// 6.4 GB (the fit itself needs one row of K at a time).
  public var probabilities: Matrix { model.probabilities(unchecked: trainingFeatures) }
  /// `log_loss` of the model on its training rows.
  public var logLoss: Double
  /// S, the sum of the sample weights (class weights folded in) that the
  /// objective and its penalty are scaled by.
  public var weightSum: Double
  /// S per class: what the intercept-only model is made of.
  public var classWeightSums: [Double]
}

/// Why an optimizer stopped. Hitting a limit is a result, not an error: the
/// caller decides how loudly to warn (scikit-learn's ConvergenceWarning).
public enum StopReason: Equatable, Sendable {
  /// The largest absolute gradient component fell to `tol` or below
  /// (L-BFGS-B: "NORM OF PROJECTED GRADIENT <= PGTOL").
  case gradientTolerance
  /// The largest component of the minimum-norm subgradient fell to `tol`
  /// or below (``ProximalNewton``'s test for a non-smooth objective).
  case subgradientTolerance
  /// The objective stopped decreasing relative to its size
  /// (L-BFGS-B: "RELATIVE REDUCTION OF F <= FACTR*EPSMCH").
  case relativeReduction
  /// A Newton-type solver's step fell below its tolerance.
  case stepTolerance
  /// `maxIterations` accepted iterations were made.
  case maxIterations
  /// The objective was evaluated `maxEvaluations` times.
  case maxEvaluations
  /// No step along the search direction decreased the objective
  /// (L-BFGS-B: "ABNORMAL_TERMINATION_IN_LNSRCH").
  case lineSearchFailed
  /// Line searches kept shortening the quasi-Newton step (``OWLQN``'s
  /// sign of an orthant it cannot settle); a caller finishes otherwise.
  case stalled
  /// The objective or its gradient became NaN or infinite.
  case nonFinite

  /// True when the stop means the minimum was reached to tolerance.
  public var isConvergence: Bool {
    switch self {
    case .gradientTolerance, .subgradientTolerance, .relativeReduction, .stepTolerance: true
    default: false
    }
  }

  /// The status line scipy's L-BFGS-B would print for the same stop.
  public var message: String {
    switch self {
    case .gradientTolerance: "norm of projected gradient <= tol"
    case .subgradientTolerance: "norm of minimum-norm subgradient <= tol"
    case .relativeReduction: "relative reduction of f <= factr*epsmch"
    case .stepTolerance: "step size <= tol"
    case .maxIterations: "total number of iterations reached limit"
    case .maxEvaluations: "total number of function evaluations exceeded limit"
    case .lineSearchFailed: "abnormal termination in line search"
    case .stalled: "line searches kept shortening the step"
    case .nonFinite: "objective or gradient is not finite"
    }
  }
}

/// One accepted iterate, for `--verbose` progress and convergence figures.
public struct IterationRecord: Equatable, Sendable {
  /// 0 for the starting point, then 1, 2, … for accepted iterates.
  public var iteration: Int
  /// f at the iterate.
  public var value: Double
  /// max |∂f/∂xᵢ| at the iterate: the quantity `tol` is compared with.
  public var gradientMaxAbs: Double
  /// The step length accepted by the line search (0 at the start).
  public var step: Double
  /// Objective evaluations so far.
  public var evaluations: Int
  /// The iterate itself and ∇f there, so a picture can draw the path the
  /// solver took over the objective's surface (a few numbers per record).
  public var point: [Double]
  public var gradient: [Double]

  public init(
    iteration: Int, value: Double, gradientMaxAbs: Double, step: Double,
    evaluations: Int, point: [Double] = [], gradient: [Double] = []
  ) {
    self.iteration = iteration
    self.value = value
    self.gradientMaxAbs = gradientMaxAbs
    self.step = step
    self.evaluations = evaluations
    self.point = point
    self.gradient = gradient
  }
}

/// What a minimizer returns: the last accepted point and how it got there.
public struct OptimizationResult: Sendable {
  /// The last accepted iterate (never a rejected line-search trial).
  public var x: [Double]
  /// f(x).
  public var value: Double
  /// ∇f(x).
  public var gradient: [Double]
  /// Accepted iterations (scikit-learn's `n_iter_`).
  public var iterations: Int
  /// Objective evaluations, line-search trials included (scipy's `nfev`).
  public var evaluations: Int
  public var stopReason: StopReason
  /// One record per accepted iterate, the start first.
  public var trace: [IterationRecord]
  /// What the solver warned about on the way, in scikit-learn's words
  /// (newton-cholesky's fallback to lbfgs); the caller prints them.
  public var warnings: [String] = []

  public var converged: Bool { stopReason.isConvergence }

  public init(
    x: [Double], value: Double, gradient: [Double], iterations: Int,
    evaluations: Int, stopReason: StopReason, trace: [IterationRecord]
  ) {
    self.x = x
    self.value = value
    self.gradient = gradient
    self.iterations = iterations
    self.evaluations = evaluations
    self.stopReason = stopReason
    self.trace = trace
  }
}

/// The largest absolute component, the sup-norm scikit-learn's `tol`
/// applies to. A NaN component makes the result NaN, so no test passes.
public func maxAbs(_ v: [Double]) -> Double {
  var m = 0.0
  for e in v {
    if e.isNaN { return .nan }
    m = max(m, abs(e))
  }
  return m
}

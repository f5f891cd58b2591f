// PLACEHOLDER: replaced by the exact port of SKLEARN_LBFGS.md.

/// Limited-memory BFGS as scipy's L-BFGS-B runs it for scikit-learn.
public struct LBFGS: Minimizer {
  /// Pairs (s, y) kept (scipy's `maxcor`).
  public var memory: Int
  /// Stop when max |gᵢ| ≤ tolerance (scipy's `pgtol`, sklearn's `tol`).
  public var tolerance: Double
  /// Accepted iterations allowed (scipy's `maxiter`, sklearn's `max_iter`).
  public var maxIterations: Int
  /// Objective evaluations allowed (scipy's `maxfun`).
  public var maxEvaluations: Int
  /// Evaluations allowed in one line search (scipy's `maxls`).
  public var maxLineSearchSteps: Int
  /// Relative-reduction factor (scipy's `factr` = ftol/eps; sklearn: 64).
  public var factr: Double

  public init(
    memory: Int = 10, tolerance: Double = 1e-4, maxIterations: Int = 100,
    maxEvaluations: Int = 15000, maxLineSearchSteps: Int = 50,
    factr: Double = 64
  ) {
    self.memory = memory
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    self.maxEvaluations = maxEvaluations
    self.maxLineSearchSteps = maxLineSearchSteps
    self.factr = factr
  }

  public func minimize<O: Objective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    GradientDescent(tolerance: tolerance, maxIterations: maxIterations)
      .minimize(&objective, from: start, observer: observer)
  }
}

/// The bookkeeping every solver shares: the current iterate x with its value
/// f and gradient g, the counts of evaluations and accepted iterations, one
/// ``IterationRecord`` per accepted iterate, and the result. One copy, so a
/// solver's file holds only its method.
struct SolverState {
  /// The last accepted iterate; a solver updates x, f and g together.
  var x: [Double]
  var f: Double
  var g: [Double]
  /// Objective evaluations so far (the start's included).
  var evaluations = 1
  /// Accepted iterations so far.
  var iterations = 0
  private var progress: Progress

  /// Evaluates the objective at `start`, the first iterate.
  init(
    _ objective: inout some Objective, start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) {
    var g = [Double](repeating: 0, count: start.count)
    f = objective.value(at: start, gradient: &g)
    x = start
    self.g = g
    progress = Progress(observer: observer)
  }

  /// Records the current iterate, reached with step length `step`;
  /// `optimality` replaces max |g| as the measure `tol` is compared with
  /// (a non-smooth objective's subgradient measure).
  mutating func record(step: Double, optimality: Double? = nil) {
    progress.record(
      iteration: iterations, point: x, value: f, gradient: g, step: step,
      evaluations: evaluations, optimality: optimality)
  }

  /// The result at the current iterate; `.nonFinite` replaces `reason` if
  /// its value or gradient is not finite.
  func finish(_ reason: StopReason) -> OptimizationResult {
    progress.result(
      x: x, value: f, gradient: g, iterations: iterations, evaluations: evaluations,
      reason: reason)
  }
}

/// The shared steps of the solvers for F = f + λ₁‖x_{0..<m}‖₁
/// (``ProximalNewton``, ``OWLQN``): f holds F, the L1 term included; g
/// stays ∇f.
extension SolverState {
  init<O: L1PenalizedObjective>(
    l1Penalized objective: inout O, start: [Double], observer: ((IterationRecord) -> Void)?
  ) {
    self.init(&objective, start: start, observer: observer)
    f += l1Term(x, m: objective.l1Count, lambda: objective.l1Strength)
  }

  /// Records the current iterate with its ω, and the result when it ends
  /// the solve: a non-finite F, or ω ≤ tolerance.
  mutating func recordL1(step: Double, optimality omega: Double, tolerance: Double)
    -> OptimizationResult?
  {
    record(step: step, optimality: omega)
    if !f.isFinite { return finish(.nonFinite) }
    if omega <= tolerance { return finish(.subgradientTolerance) }
    return nil
  }
}

/// Steepest descent with a backtracking line search: the plainest solver,
/// kept as a baseline that the convergence figure sets beside L-BFGS.
///
/// Each iteration tries x − α·g, starting from twice the last accepted α,
/// and halves α until the Armijo condition f(x − αg) ≤ f(x) − c·α·‖g‖²
/// holds (c = 1e-4). Near the optimum the promised decrease falls below the
/// rounding error of f, where comparing values decides nothing; there a
/// step is accepted if it lowers ‖g‖² instead, which for a smooth convex
/// objective holds for every α below 1/L.
public struct GradientDescent: Minimizer {
  /// Stop when max |gᵢ| ≤ tolerance.
  public var tolerance: Double
  public var maxIterations: Int
  /// Halvings allowed in one line search before it is declared failed.
  public var maxHalvings: Int

  public init(tolerance: Double = 1e-4, maxIterations: Int = 100, maxHalvings: Int = 60) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    self.maxHalvings = maxHalvings
  }

  public func minimize<O: Objective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    let armijo = 1e-4
    var x = start
    var g = [Double](repeating: 0, count: x.count)
    var f = objective.value(at: x, gradient: &g)
    var evaluations = 1
    var iterations = 0
    var progress = Progress(observer: observer)
    func record(step: Double) {
      progress.record(
        iteration: iterations, point: x, value: f, gradient: g, step: step,
        evaluations: evaluations)
    }
    func finish(_ reason: StopReason) -> OptimizationResult {
      progress.result(
        x: x, value: f, gradient: g, iterations: iterations, evaluations: evaluations,
        reason: reason)
    }

    record(step: 0)
    var trial = x
    var gTrial = g
    var gg = dot(g, g)
    // The first step has length 1, as L-BFGS-B's first trial.
    var step = gg > 0 ? 1 / gg.squareRoot() : 1
    while true {
      let largest = maxAbs(g)
      if largest <= tolerance { return finish(.gradientTolerance) }
      if !largest.isFinite { return finish(.nonFinite) }
      if iterations >= maxIterations { return finish(.maxIterations) }
      var accepted = false
      var fNew = f
      for _ in 0...maxHalvings {
        for i in x.indices { trial[i] = x[i] - step * g[i] }
        let fTrial = objective.value(at: trial, gradient: &gTrial)
        evaluations += 1
        let promised = armijo * step * gg
        let resolvable = promised > 4 * Double.ulpOfOne * abs(f)
        if fTrial.isFinite
          && (resolvable
            ? fTrial <= f - promised
            : fTrial <= f + 4 * Double.ulpOfOne * abs(f) && dot(gTrial, gTrial) < gg)
        {
          accepted = true
          fNew = fTrial
          break
        }
        step *= 0.5
      }
      if !accepted { return finish(.lineSearchFailed) }
      swap(&x, &trial)
      swap(&g, &gTrial)
      f = fNew
      gg = dot(g, g)
      iterations += 1
      record(step: step)
      step *= 2
    }
  }
}

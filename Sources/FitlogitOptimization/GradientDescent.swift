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
    var state = SolverState(&objective, start: start, observer: observer)

    state.record(step: 0)
    var trial = state.x
    var gTrial = state.g
    var gg = dot(state.g, state.g)
    // The first step has length 1, as L-BFGS-B's first trial.
    var step = gg > 0 ? 1 / gg.squareRoot() : 1
    while true {
      let largest = maxAbs(state.g)
      if largest <= tolerance { return state.finish(.gradientTolerance) }
      if !largest.isFinite { return state.finish(.nonFinite) }
      if state.iterations >= maxIterations { return state.finish(.maxIterations) }
      var accepted = false
      var fNew = state.f
      for _ in 0...maxHalvings {
        for i in state.x.indices { trial[i] = state.x[i] - step * state.g[i] }
        let fTrial = objective.value(at: trial, gradient: &gTrial)
        state.evaluations += 1
        let promised = armijo * step * gg
        let resolvable = promised > 4 * Double.ulpOfOne * abs(state.f)
        if fTrial.isFinite
          && (resolvable
            ? fTrial <= state.f - promised
            : fTrial <= state.f + 4 * Double.ulpOfOne * abs(state.f)
              && dot(gTrial, gTrial) < gg)
        {
          accepted = true
          fNew = fTrial
          break
        }
        step *= 0.5
      }
      if !accepted { return state.finish(.lineSearchFailed) }
      swap(&state.x, &trial)
      swap(&state.g, &gTrial)
      state.f = fNew
      gg = dot(state.g, state.g)
      state.iterations += 1
      state.record(step: step)
      step *= 2
    }
  }
}

// PLACEHOLDER: replaced by the real solver.

/// Steepest descent with a backtracking (Armijo) line search.
public struct GradientDescent: Minimizer {
  public var tolerance: Double
  public var maxIterations: Int

  public init(tolerance: Double = 1e-4, maxIterations: Int = 100) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  public func minimize<O: Objective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    var x = start
    var g = [Double](repeating: 0, count: x.count)
    var f = objective.value(at: x, gradient: &g)
    var evaluations = 1
    var trace = [IterationRecord(
      iteration: 0, value: f, gradientMaxAbs: maxAbs(g), step: 0,
      evaluations: 1)]
    observer?(trace[0])
    var step = 1.0
    var iteration = 0
    var reason = StopReason.maxIterations
    var trial = x
    var gTrial = g
    while iteration < maxIterations {
      if maxAbs(g) <= tolerance { reason = .gradientTolerance; break }
      let gg = g.reduce(0) { $0 + $1 * $1 }
      var accepted = false
      for _ in 0..<60 {
        for i in x.indices { trial[i] = x[i] - step * g[i] }
        let fTrial = objective.value(at: trial, gradient: &gTrial)
        evaluations += 1
        if fTrial <= f - 1e-4 * step * gg {
          x = trial; g = gTrial; f = fTrial; accepted = true
          break
        }
        step *= 0.5
      }
      if !accepted { reason = .lineSearchFailed; break }
      iteration += 1
      let record = IterationRecord(
        iteration: iteration, value: f, gradientMaxAbs: maxAbs(g), step: step,
        evaluations: evaluations)
      trace.append(record)
      observer?(record)
      step *= 2
    }
    if iteration >= maxIterations && maxAbs(g) <= tolerance {
      reason = .gradientTolerance
    }
    return OptimizationResult(
      x: x, value: f, gradient: g, iterations: iteration,
      evaluations: evaluations, stopReason: reason, trace: trace)
  }
}

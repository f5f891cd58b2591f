/// An objective that can also give its Hessian, for Newton's method.
public protocol TwiceDifferentiableObjective: Objective {
  /// Writes ∇²f(x), row-major, dimension × dimension.
  mutating func hessian(at x: [Double], into h: inout [Double])
}

/// Newton's method with a backtracking line search, scikit-learn's
/// `newton-cholesky` loop (`_newton_solver.py`): step d = −H⁻¹g, Armijo
/// factor 2⁻¹¹ with halving up to 2⁻²⁰, and convergence when, after a step,
/// max |g| ≤ tol and the Newton decrement ½·dᵀHd ≤ tol.
///
/// Near the optimum each step squares the error, so a few iterations reach
/// machine precision; the price is a d×d factorization per iteration.
public struct Newton: Sendable {
  public var tolerance: Double
  public var maxIterations: Int

  public init(tolerance: Double = 1e-4, maxIterations: Int = 100) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  /// Minimizes `objective` from `start`; the observer sees each iterate.
  public func minimize(
    _ objective: inout some TwiceDifferentiableObjective, from start: [Double],
    observer: ((IterationRecord) -> Void)? = nil
  ) -> OptimizationResult {
    let n = start.count
    var state = SolverState(&objective, start: start, observer: observer)
    state.record(step: 0)
    var h = [Double](repeating: 0, count: n * n)
    var trial = state.x
    var gTrial = state.g
    while state.iterations < maxIterations {
      objective.hessian(at: state.x, into: &h)
      guard let d = newtonDirection(hessian: h, gradient: state.g, size: n) else {
        return state.finish(.lineSearchFailed)
      }
      let slope = dot(state.g, d)
      if !(slope < 0) {
        return state.finish(
          maxAbs(state.g) <= tolerance ? .gradientTolerance : .lineSearchFailed)
      }
      // Backtracking: accept when f decreases by the Armijo term, or, when
      // the change is below f's rounding, when Σ|g| decreases.
      let armijo = 0.00048828125 * slope
      let tiny = abs(state.f * 16 * Double.ulpOfOne)
      var t = 1.0
      var accepted = false
      var fTrial = state.f
      for _ in 0..<21 {
        for i in 0..<n { trial[i] = state.x[i] + t * d[i] }
        fTrial = objective.value(at: trial, gradient: &gTrial)
        state.evaluations += 1
        let improvement = fTrial - state.f
        if improvement <= t * armijo
          || (abs(improvement) <= tiny && l1(gTrial) < l1(state.g))
        {
          accepted = true
          break
        }
        t *= 0.5
      }
      guard accepted else { return state.finish(.lineSearchFailed) }
      var decrement = 0.0
      for i in 0..<n {
        var hd = 0.0
        for j in 0..<n { hd += h[i * n + j] * d[j] }
        decrement += d[i] * hd
      }
      swap(&state.x, &trial)
      swap(&state.g, &gTrial)
      state.f = fTrial
      state.iterations += 1
      state.record(step: t)
      if maxAbs(state.g) <= tolerance && 0.5 * decrement <= tolerance {
        return state.finish(.gradientTolerance)
      }
    }
    return state.finish(.maxIterations)
  }
}

/// Σ|gᵢ|.
private func l1(_ v: [Double]) -> Double { v.reduce(0) { $0 + abs($1) } }

/// d = −H⁻¹g by Cholesky. A singular H (the softmax's redundant direction,
/// a constant column without penalty) gets a ridge of 1e-12·trace/n, the
/// smallest that factors, which picks the minimum-norm step.
func newtonDirection(hessian h: [Double], gradient g: [Double], size n: Int) -> [Double]? {
  var trace = 0.0
  for i in 0..<n { trace += h[i * n + i] }
  var ridge = 0.0
  for _ in 0..<8 {
    var u = h
    for i in 0..<n { u[i * n + i] += ridge }
    if choleskyUpper(&u, size: n, stride: n, offset: 0) {
      // Solve U'U d = −g.
      var d = g.map { -$0 }
      solveUpperTransposed(u, size: n, stride: n, &d)
      solveUpper(u, size: n, stride: n, &d)
      if d.allSatisfy(\.isFinite) { return d }
    }
    ridge = ridge == 0 ? max(trace / Double(max(n, 1)), 1) * 1e-12 : ridge * 100
  }
  return nil
}

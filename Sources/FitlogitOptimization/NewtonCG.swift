/// An objective that can multiply its Hessian by a vector without forming
/// it, for truncated-Newton methods.
public protocol HessianVectorObjective: Objective {
  /// Writes ∇²f(x)·v into `out` (same length as x).
  mutating func hessianVectorProduct(at x: [Double], _ v: [Double], into out: inout [Double])
}

/// scikit-learn's `newton-cg` (`sklearn/utils/optimize.py`, `_newton_cg`),
/// step for step, so that n_iter and the coefficients agree with it: each
/// iteration stops if max |g| ≤ tol, else solves H·p = −g approximately by
/// conjugate gradient on Hessian-vector products (``conjugateGradient``),
/// then takes a step along p from scipy's `line_search_wolfe1` (MINPACK's
/// `dcsrch`, ``MoreThuente/wolfe1``), or the full step when f changes by
/// less than its rounding and Σ|g| decreases.
///
/// Why a truncated Newton: each iteration costs a few passes over the data,
/// never a d×d matrix, so it scales to many features where newton-cholesky
/// cannot. scikit-learn's last resort, `line_search_wolfe2`, is not ported:
/// its own source notes that its tests never reach it; here that case stops
/// with ``StopReason/lineSearchFailed`` (scikit-learn's "Line Search
/// failed" warning).
public struct NewtonCG: Sendable {
  public var tolerance: Double
  public var maxIterations: Int
  /// Conjugate-gradient iterations per Newton step (scikit-learn's
  /// `maxinner`).
  public var maxInner: Int

  public init(tolerance: Double = 1e-4, maxIterations: Int = 100, maxInner: Int = 200) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    self.maxInner = maxInner
  }

  /// Minimizes `objective` from `start`; the observer sees each iterate.
  public func minimize(
    _ objective: inout some HessianVectorObjective, from start: [Double],
    observer: ((IterationRecord) -> Void)? = nil
  ) -> OptimizationResult {
    let n = start.count
    var state = SolverState(&objective, start: start, observer: observer)
    state.record(step: 0)
    var previousValue: Double?
    var trial = state.x
    var gTrial = state.g
    while state.iterations < maxIterations {
      if maxAbs(state.g) <= tolerance { return state.finish(.gradientTolerance) }
      let magnitude = state.g.reduce(0) { $0 + abs($1) }
      let eta = min(0.5, magnitude.squareRoot())
      let p = conjugateGradient(
        &objective, at: state.x, gradient: state.g, maxIterations: maxInner,
        tolerance: eta * magnitude)
      guard
        let step = wolfe12(
          &objective, state: &state, direction: p, previousValue: previousValue,
          trial: &trial, trialGradient: &gTrial)
      else { return state.finish(.lineSearchFailed) }
      for i in 0..<n { trial[i] = state.x[i] + step * p[i] }
      previousValue = state.f
      state.f = objective.value(at: trial, gradient: &gTrial)
      state.evaluations += 1
      swap(&state.x, &trial)
      swap(&state.g, &gTrial)
      state.iterations += 1
      state.record(step: step)
    }
    return state.finish(.maxIterations)
  }

  /// scikit-learn's `_line_search_wolfe12` without its wolfe2 last resort:
  /// the accepted step length, or nil.
  private func wolfe12(
    _ objective: inout some HessianVectorObjective, state: inout SolverState,
    direction p: [Double], previousValue: Double?,
    trial: inout [Double], trialGradient: inout [Double]
  ) -> Double? {
    let n = p.count
    let slope0 = dot(state.g, p)
    // scipy's scalar_search_wolfe1 first step.
    var step = 1.0
    if let previousValue, slope0 != 0 {
      step = min(1.0, 1.01 * 2 * (state.f - previousValue) / slope0)
      if step < 0 { step = 1.0 }
    }
    var search = MoreThuente.wolfe1
    var task = search.start(value: state.f, slope: slope0, step: step)
    var calls = 1
    while task == .evaluate && calls < 100 {
      for i in 0..<n { trial[i] = state.x[i] + step * p[i] }
      let f = objective.value(at: trial, gradient: &trialGradient)
      state.evaluations += 1
      task = search.next(value: f, slope: dot(trialGradient, p), step: &step)
      calls += 1
      if !step.isFinite { break }
    }
    if task == .converged && step.isFinite { return step }
    // The loss changed by less than its rounding: accept the full step if
    // Σ|g| decreases (the check scikit-learn borrows from its Newton solver).
    for i in 0..<n { trial[i] = state.x[i] + p[i] }
    let f = objective.value(at: trial, gradient: &trialGradient)
    state.evaluations += 1
    let tiny = abs(state.f * 16 * Double.ulpOfOne)
    if abs(f - state.f) <= tiny
      && trialGradient.reduce(0, { $0 + abs($1) }) < state.g.reduce(0, { $0 + abs($1) })
    {
      return 1.0
    }
    return nil
  }
}

/// scikit-learn's `_cg`: conjugate gradient on H·x = −g from x = 0, stopped
/// when Σ|residual| ≤ `tolerance`, after `maxIterations` + 1 products, or
/// at tiny or negative curvature (the capped CG of arXiv:1803.02924; at the
/// first iteration, negative curvature falls back to steepest descent).
func conjugateGradient(
  _ objective: inout some HessianVectorObjective, at x: [Double], gradient g: [Double],
  maxIterations: Int, tolerance: Double
) -> [Double] {
  let n = g.count
  let eps = 16 * Double.ulpOfOne
  var xs = [Double](repeating: 0, count: n)
  var r = g
  var p = g.map { -$0 }
  var ap = [Double](repeating: 0, count: n)
  var i = 0
  var dri0 = dot(r, r)
  var pNorm2 = dri0
  while i <= maxIterations {
    if r.reduce(0, { $0 + abs($1) }) <= tolerance { break }
    objective.hessianVectorProduct(at: x, p, into: &ap)
    let curvature = dot(p, ap)
    if 0 <= curvature && curvature <= eps * pNorm2 { break }
    if curvature < 0 {
      if i == 0 {
        let a = dri0 / curvature
        for t in 0..<n { xs[t] += a * p[t] }
      }
      break
    }
    let alpha = dri0 / curvature
    for t in 0..<n {
      xs[t] += alpha * p[t]
      r[t] += alpha * ap[t]
    }
    let dri1 = dot(r, r)
    let beta = dri1 / dri0
    for t in 0..<n { p[t] = -r[t] + beta * p[t] }
    pNorm2 = dri1 + beta * beta * pNorm2
    i += 1
    dri0 = dri1
  }
  return xs
}

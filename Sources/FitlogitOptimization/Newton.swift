/// An objective that can also give its Hessian, for Newton's method.
public protocol TwiceDifferentiableObjective: Objective {
  /// Writes ∇²f(x), row-major, dimension × dimension.
  mutating func hessian(at x: [Double], into h: inout [Double])
}

/// Newton's method with a backtracking line search, scikit-learn 1.9's
/// `newton-cholesky` loop (`_glm/_newton_solver.py`): step d = −H⁻¹g,
/// Armijo factor 2⁻¹¹ with halving up to 2⁻²⁰, and convergence when, after
/// a step, max |g| ≤ tol and the Newton decrement ½·dᵀHd ≤ tol.
///
/// Near the optimum each step squares the error, so a few iterations reach
/// machine precision; the price is a d×d factorization per iteration.
///
/// When Newton cannot go on, scikit-learn does not stop: it warns and hands
/// the remaining iterations (max_iter minus the Newton iterations begun) to
/// lbfgs from the current point (`fallback_lbfgs_solve`: scipy's L-BFGS-B,
/// gtol = tol, ftol = 64·eps, maxls = 50), and n_iter is the Newton steps
/// taken plus lbfgs's iterations. lbfgs starts where Newton stopped: the
/// last iterate, except after a failed line search, where scikit-learn has
/// already moved the coefficients to the last point it tried (the current
/// point plus 2⁻²⁰ times the Newton step) and does not move them back. The
/// same three triggers here:
/// - the Hessian cannot be factored (a pivot ≤ 0: scipy's "A singular
///   matrix detected"), or its reciprocal condition number is below
///   machine epsilon (scipy's LinAlgWarning "An ill-conditioned matrix
///   detected", estimated as LAPACK's `dsycon` does,
///   ``reciprocalCondition(_:factor:size:)``): duplicated or collinear
///   columns without a penalty;
/// - the step is not a descent direction (no warning, as in scikit-learn);
/// - 21 halvings find no acceptable step.
public struct Newton: Sendable {
  public var tolerance: Double
  public var maxIterations: Int
  /// Variables held where they start (their step is 0): scikit-learn's
  /// reference class, which makes the K-class Hessian invertible (the last
  /// class's intercept, or its whole row without a penalty).
  public var pinned: [Int] = []

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
    var isPinned = [Bool](repeating: false, count: n)
    for t in pinned { isPinned[t] = true }
    let free = (0..<n).filter { !isPinned[$0] }
    var state = SolverState(&objective, start: start, observer: observer)
    state.record(step: 0)
    var h = [Double](repeating: 0, count: n * n)
    var trial = state.x
    var gTrial = state.g
    // nil: no fallback; "": the silent one (not a descent direction).
    var fallback: String?
    // Where lbfgs starts: the last iterate, or the last point a failed line
    // search tried (scikit-learn leaves its coefficients there).
    var fallbackStart: [Double]?
    while state.iterations < maxIterations {
      objective.hessian(at: state.x, into: &h)
      for t in pinned { state.g[t] = 0 }
      let solved = choleskyStep(hessian: h, gradient: state.g, free: free, size: n)
      guard case .step(let d) = solved else {
        guard case .failed(let message) = solved else { break }
        fallback =
          "The inner solver of NewtonCholeskySolver stumbled upon a singular or very "
          + "ill-conditioned Hessian matrix at iteration \(state.iterations + 1). It will "
          + "now resort to lbfgs instead. Further options are to use another solver or to "
          + "avoid such situation in the first place. Possible remedies are removing "
          + "collinear features of X or increasing the penalization strengths. The "
          + "original Linear Algebra message was: " + message
        break
      }
      let slope = dot(state.g, d)
      if slope > 0 {
        fallback = ""
        break
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
      guard accepted else {
        fallback =
          "Line search of Newton solver NewtonCholeskySolver at iteration "
          + "#\(state.iterations + 1) did not converge after 21 line search refinement "
          + "iterations. It will now resort to lbfgs instead."
        fallbackStart = trial
        break
      }
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
    guard let fallback else { return state.finish(.maxIterations) }
    return lbfgsFallback(
      &objective, from: state, start: fallbackStart ?? state.x,
      warning: fallback.isEmpty ? nil : fallback, observer: observer)
  }

  /// scikit-learn's `fallback_lbfgs_solve`: lbfgs for the iterations left
  /// (the failed Newton iteration counts as begun), from `start`.
  private func lbfgsFallback(
    _ objective: inout some TwiceDifferentiableObjective, from state: SolverState,
    start: [Double], warning: String?, observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    let done = state.iterations
    let left = maxIterations - done - 1
    let newton = state.finish(.maxIterations)
    // Renumber lbfgs's iterates after Newton's; its start is Newton's last.
    let shifted: ((IterationRecord) -> Void)? = observer.map { observe in
      { record in
        guard record.iteration > 0 else { return }
        var r = record
        r.iteration += done
        observe(r)
      }
    }
    var result = LBFGS(tolerance: tolerance, maxIterations: max(left, 0))
      .minimize(&objective, from: start, observer: shifted)
    let lbfgsIterations = min(result.iterations, max(left, 0))
    result.iterations = done + lbfgsIterations
    result.evaluations += newton.evaluations
    result.trace =
      newton.trace
      + result.trace.dropFirst().map { record in
        var r = record
        r.iteration += done
        return r
      }
    // scipy reports maxiter = 0 as reached at once.
    if left <= 0 { result.stopReason = .maxIterations }
    if let warning { result.warnings.append(warning) }
    return result
  }
}

/// A Newton step, or scipy's message for a Hessian it will not solve with.
enum CholeskyStep {
  case step([Double])
  case failed(String)
}

/// d = −H⁻¹g on the free variables (0 on the others), as scikit-learn's
/// `scipy.linalg.solve(H, −g, assume_a="sym")` inside a LinAlgWarning
/// filter: a Hessian that is not positive definite is "singular", one whose
/// reciprocal condition number is below machine epsilon "ill-conditioned",
/// with scipy's messages.
func choleskyStep(hessian h: [Double], gradient g: [Double], free: [Int], size n: Int)
  -> CholeskyStep
{
  let m = free.count
  var a = [Double](repeating: 0, count: m * m)
  for (r, i) in free.enumerated() {
    for (c, j) in free.enumerated() { a[r * m + c] = h[i * n + j] }
  }
  var u = a
  guard choleskyUpper(&u, size: m, stride: m, offset: 0) else {
    return .failed("A singular matrix detected: slice(s) [0] are singular.")
  }
  let rcond = reciprocalCondition(a, factor: u, size: m)
  if !(rcond >= Double.ulpOfOne) {
    return .failed("An ill-conditioned matrix detected: slice 0 has rcond = \(rcond).")
  }
  var reduced = free.map { -g[$0] }
  solveUpperTransposed(u, size: m, stride: m, &reduced)
  solveUpper(u, size: m, stride: m, &reduced)
  var d = [Double](repeating: 0, count: n)
  for (r, i) in free.enumerated() { d[i] = reduced[r] }
  return .step(d)
}

/// Σ|gᵢ|.
private func l1(_ v: [Double]) -> Double { v.reduce(0) { $0 + abs($1) } }

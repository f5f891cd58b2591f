/// What every minimizer does besides minimizing: one record per accepted
/// iterate (for `--verbose` and the convergence figure), and the result,
/// whose stop reason becomes `.nonFinite` if the last values are not finite.
struct Progress {
  private(set) var trace: [IterationRecord] = []
  let observer: ((IterationRecord) -> Void)?

  init(observer: ((IterationRecord) -> Void)?) { self.observer = observer }

  /// - Parameters:
  ///   - optimality: The quantity `tol` is compared with, when it is not
  ///     max |gradient| (a non-smooth objective's subgradient measure).
  mutating func record(
    iteration: Int, point: [Double], value: Double, gradient: [Double], step: Double,
    evaluations: Int, optimality: Double? = nil
  ) {
    let r = IterationRecord(
      iteration: iteration, value: value, gradientMaxAbs: optimality ?? maxAbs(gradient),
      step: step,
      evaluations: evaluations, point: point, gradient: gradient)
    trace.append(r)
    observer?(r)
  }

  func result(
    x: [Double], value: Double, gradient: [Double], iterations: Int, evaluations: Int,
    reason: StopReason
  ) -> OptimizationResult {
    let finite = value.isFinite && gradient.allSatisfy(\.isFinite)
    return OptimizationResult(
      x: x, value: value, gradient: gradient, iterations: iterations,
      evaluations: evaluations, stopReason: finite ? reason : .nonFinite, trace: trace)
  }
}

/// Something that minimizes an ``Objective`` from a starting point.
///
/// The fitted model never knows which solver ran; the CLI picks one by name.
public protocol Minimizer: Sendable {
  /// Minimizes `objective` starting at `start`.
  ///
  /// - Parameters:
  ///   - objective: Evaluated at each trial point; its workspaces may change.
  ///   - start: The first iterate; `start.count == objective.dimension`.
  ///   - observer: Called once per accepted iterate (and once for the start),
  ///     for progress output and convergence figures.
  /// - Returns: The last accepted iterate, never a rejected trial.
  func minimize<O: Objective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult
}

extension Minimizer {
  public func minimize<O: Objective>(
    _ objective: inout O, from start: [Double]
  ) -> OptimizationResult {
    minimize(&objective, from: start, observer: nil)
  }
}

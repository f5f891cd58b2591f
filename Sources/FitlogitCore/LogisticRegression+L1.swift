import FitlogitOptimization

extension LogisticRegression {
  /// The fit of an objective with an L1 part (saga's and liblinear's):
  /// ``ProximalNewton`` when its Hessian is cheap (fewer than 200 features,
  /// or more than two classes), ``OWLQN`` when ``LogisticObjective/prefersRowModel``
  /// says it is not. OWL-QN's iteration is one objective pass, where a
  /// proximal Newton iteration through the rows needs coordinate sweeps over
  /// the columns (and a transposed copy of X): on 100k×1000 it is 5× to 50×
  /// faster (BENCHMARKS.md). Its line search can run out of decrease F can
  /// show near a tight `tol` (F's rounding hides the last digits); then
  /// proximal Newton finishes from OWL-QN's point, with the iterations
  /// left, and its iterations continue the count. Both stop on the same ω.
  func l1Result(
    _ objective: inout LogisticObjective, from start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    guard objective.prefersRowModel else {
      return ProximalNewton(tolerance: tol, maxIterations: maxIter)
        .minimize(&objective, from: start, observer: observer)
    }
    var owlqn = OWLQN(tolerance: tol, maxIterations: maxIter)
    owlqn.stallLimit = 3
    let first = owlqn.minimize(&objective, from: start, observer: observer)
    guard [.lineSearchFailed, .stalled].contains(first.stopReason) && first.iterations < maxIter
    else {
      return first
    }
    func continued(_ record: IterationRecord) -> IterationRecord {
      var r = record
      r.iteration += first.iterations
      r.evaluations += first.evaluations
      return r
    }
    var finish = ProximalNewton(tolerance: tol, maxIterations: maxIter - first.iterations)
      .minimize(&objective, from: first.x) { record in
        if record.iteration > 0 { observer?(continued(record)) }
      }
    finish.iterations += first.iterations
    finish.evaluations += first.evaluations
    finish.trace = first.trace + finish.trace.dropFirst().map(continued)
    return finish
  }
}

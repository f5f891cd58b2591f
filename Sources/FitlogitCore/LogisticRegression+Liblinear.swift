import FitlogitData
import FitlogitOptimization

extension LogisticRegression {
  /// liblinear's problem (scikit-learn's `solver="liblinear"`), which
  /// differs from every other solver's: the intercept is a coefficient of a
  /// constant column of value `intercept_scaling`, and is penalized with
  /// the others,
  ///
  ///     f(w) = (1/S) Σᵢ sᵢ ℓ(yᵢ, xᵢ·β + a·w_b) + P(β, w_b),   intercept_ = a·w_b
  ///
  /// (liblinear writes C·Σ sᵢℓᵢ + P: the same minimizer). So its answer
  /// on the article's ten points has a smaller intercept and a log loss of
  /// 0.33896, not lbfgs's 0.3329. liblinear's own solvers (trust-region
  /// Newton for L2, newGLMNET for L1) are replaced by the methods that
  /// reach the same optimum here: Newton for L2, saga's L1 fit for L1
  /// (``l1Result(_:from:observer:)``).
  ///
  /// - Returns: The optimizer's result with `x` in the usual layout
  ///   (coefficients, then the intercept a·w_b).
  func liblinearResult(
    _ data: Dataset, observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    let d = data.featureCount
    let n = data.sampleCount
    var features = data.features
    if fitIntercept {
      var values = [Double](repeating: interceptScaling, count: n * (d + 1))
      for i in 0..<n {
        for j in 0..<d { values[i * (d + 1) + j] = data.features[i, j] }
      }
      features = Matrix(rows: n, columns: d + 1, uncheckedValues: values)
    }
    var objective = LogisticObjective(
      features: features, labels: data.labels, classCount: data.classCount,
      sampleWeights: sampleWeights(for: data), penalty: resolvedPenalty,
      fitIntercept: false)
    let start = [Double](repeating: 0, count: objective.dimension)
    var result =
      resolvedPenalty.hasL1
      ? l1Result(&objective, from: start, observer: observer)
      : Newton(tolerance: tol, maxIterations: maxIter)
        .minimize(&objective, from: start, observer: observer)
    if fitIntercept { result.x[d] *= interceptScaling }
    return result
  }
}

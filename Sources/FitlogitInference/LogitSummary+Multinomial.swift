import FitlogitData
import FitlogitOptimization

extension LogitSummary {
  /// The unpenalized K-class fit as statsmodels' MNLogit makes it.
  struct MultinomialFit {
    /// Per equation (class 1…K−1 against class 0), const first.
    var params: [[Double]]
    /// The inverse information, equation-major then const-first.
    var covariance: [Double]
    var logLikelihood: Double
    var converged: Bool
    var iterations: Int
    var warnings: [String]
  }

  /// statsmodels' Newton (``MultinomialNewton``), the inverse information
  /// at its last step, and the warnings: non-convergence as separation
  /// (what makes this likelihood's Newton run out of steps), saturated
  /// probabilities, a singular information matrix.
  static func multinomialFit(
    _ data: Dataset, maxIterations: Int
  ) throws(SummaryError) -> MultinomialFit {
    let design = MultinomialDesign(data)
    guard let newton = MultinomialNewton(design, maxIterations: maxIterations) else {
      throw SummaryError(
        message: "Newton's method failed: the information matrix became singular or the "
          + "coefficients overflowed")
    }
    let m = design.parameterCount
    let p = design.probabilities(newton.beta)
    let information = design.scoreAndInformation(p).information
    var warnings: [String] = []
    if !newton.converged {
      warnings.append(
        "Newton's method did not converge in \(newton.iterations) iterations: the "
          + "coefficients keep growing, as they do when some classes are separated by the "
          + "features, so the maximum-likelihood estimate does not exist (converged: False) "
          + "and these coefficients and errors are meaningless; use --firth (Firth's "
          + "bias-reduced fit) or a penalized 'fitlogit fit --C VALUE'")
    }
    let saturated = p.lazy.filter { $0.contains { $0 < 1e-10 || $0 > 1 - 1e-10 } }.count
    if saturated > 0 {
      warnings.append(
        "\(saturated) fitted probabilit\(saturated == 1 ? "y is" : "ies are") numerically 0 "
          + "or 1 (quasi-separation or badly scaled features)")
    }
    var covariance = inverseOfPositiveDefinite(information, size: m)
    if covariance == nil {
      covariance = ridgedInverse(information, size: m)
      warnings.append(singularInformationWarning)
    }
    let c = design.columns
    return MultinomialFit(
      params: (0..<(design.classes - 1)).map { Array(newton.beta[($0 * c)..<(($0 + 1) * c)]) },
      covariance: covariance ?? [Double](repeating: .infinity, count: m * m),
      logLikelihood: design.logLikelihood(newton.beta), converged: newton.converged,
      iterations: newton.iterations, warnings: warnings)
  }
}

/// What can make a fit's numbers meaningless even when the optimizer
/// stopped cleanly: the warnings statsmodels and R print.
public enum FitDiagnostic: Equatable, Sendable {
  /// Every row lies strictly on its own class's side of the fitted
  /// boundary: without a penalty the maximum-likelihood estimate does not
  /// exist, and the coefficients only stop growing because the optimizer
  /// stopped (statsmodels' PerfectSeparationWarning).
  case perfectSeparation
  /// Some fitted probabilities are within 1e-10 of 0 or 1 (R's "fitted
  /// probabilities numerically 0 or 1 occurred"): quasi-separation, or
  /// features on a scale that saturates the sigmoid.
  case saturatedProbabilities(count: Int)

  public var message: String {
    switch self {
    case .perfectSeparation:
      return "the classes are perfectly separated by the features, so the unpenalized "
        + "fit has no finite optimum and its coefficients are arbitrarily large; "
        + "use a penalty (--penalty l2 with a finite --C)"
    case .saturatedProbabilities(let count):
      return "\(count) fitted probabilit\(count == 1 ? "y is" : "ies are") numerically 0 or 1 "
        + "(quasi-separation or badly scaled features); the coefficients may be "
        + "unreliable: use a penalty or rescale the features"
    }
  }
}

extension Fit {
  /// Separation checks, for unpenalized fits (or effectively unpenalized
  /// ones, C ≥ 1e8) where they change what the coefficients mean.
  public var diagnostics: [FitDiagnostic] {
    guard options.penalty == .none || options.C >= 1e8 else { return [] }
    let margins = model.decisionFunction(trainingFeatures)
    let K = model.classes.count
    var separated = true
    for (i, y) in trainingLabels.enumerated() {
      if K == 2 {
        let r = margins[i, 0]
        if (y == 1 && !(r > 0)) || (y == 0 && !(r < 0)) { separated = false; break }
      } else {
        for k in 0..<K where k != y && !(margins[i, y] > margins[i, k]) {
          separated = false
          break
        }
        if !separated { break }
      }
    }
    if separated { return [.perfectSeparation] }
    var saturated = 0
    for i in 0..<probabilities.rows {
      for k in 0..<probabilities.columns {
        let p = probabilities[i, k]
        if p < 1e-10 || p > 1 - 1e-10 { saturated += 1; break }
      }
    }
    return saturated > 0 ? [.saturatedProbabilities(count: saturated)] : []
  }
}

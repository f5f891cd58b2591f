import FitlogitData
import FitlogitSystem

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
  /// Two classes whose margins meet only on the boundary: every row is on
  /// its side or exactly on it, so the likelihood still rises along w
  /// (quasi-complete separation, Albert & Anderson 1984).
  case quasiSeparation
  /// A feature so large that x·w overflows double arithmetic (|x| > 1e150):
  /// the optimizer cannot move, and the fit is the starting point.
  case featureOverflow(largest: Double)
  /// λ = 1/(C·S) so large that every coefficient is held at 0. The fit is
  /// the intercept-only model only when the intercept reached that model's
  /// value: with λ past ~1e15 lbfgs's first step is so short that it stops
  /// on the relative objective change with the intercept still near 0, as
  /// scikit-learn's does. `stuckIntercept` is then (fitted, intercept-only)
  /// for the first class's intercept, so the warning says which happened.
  /// `weightSum` is S when the weights are not all 1 (weights of 1e-30
  /// make the penalty as strong as a C of 1e-30 would), else nil.
  case vanishingC(
    Double, weightSum: Double?, stuckIntercept: (fitted: Double, expected: Double)?)

  public static func == (a: FitDiagnostic, b: FitDiagnostic) -> Bool {
    a.message == b.message
  }

  public var message: String {
    switch self {
    case .perfectSeparation:
      return "the classes are perfectly separated by the features, so the unpenalized "
        + "fit has no finite optimum and its coefficients are arbitrarily large; "
        + "use a penalty (--penalty l2 with a finite --C)"
    case .quasiSeparation:
      return "the classes are quasi-completely separated (they overlap only on "
        + "the fitted boundary), so the unpenalized fit has no finite optimum; "
        + "use a penalty (--penalty l2 with a finite --C)"
    case .featureOverflow(let largest):
      return "a feature value as large as \(largest) overflows double arithmetic "
        + "in x·w, so the fit could not move from its start; rescale the features "
        + "(for example to standard units)"
    case .vanishingC(let C, let S, let stuck):
      let cause =
        S.map { "C=\(C) with sample weights summing to \($0) (the penalty is 1/(C·S))" }
        ?? "C=\(C)"
      let remedy = S == nil ? "use a larger --C" : "use larger weights or a larger --C"
      guard let stuck else {
        return "\(cause) makes the penalty so strong that every coefficient is held "
          + "at 0; the fit is the intercept-only model (\(remedy))"
      }
      return "\(cause) makes the penalty so strong that every coefficient is held "
        + "at 0, and the solver stopped with the intercept at \(stuck.fitted), "
        + "not the intercept-only model's \(stuck.expected): the fit is not a "
        + "model of the data (\(remedy))"
    case .saturatedProbabilities(let count):
      return "\(count) fitted probabilit\(count == 1 ? "y is" : "ies are") numerically 0 or 1 "
        + "(quasi-separation or badly scaled features); the coefficients may be "
        + "unreliable: use a penalty or rescale the features"
    }
  }
}

extension Fit {
  /// What makes this fit's numbers meaningless, if anything.
  public var diagnostics: [FitDiagnostic] {
    var found: [FitDiagnostic] = []
    // Only a fit that could not move can have overflowed; a converged one
    // need not pay a pass over the matrix to prove it did not.
    if !optimization.converged {
      let largest = trainingFeatures.values.reduce(0) { max($0, abs($1)) }
      if largest > 1e150 { found.append(.featureOverflow(largest: largest)) }
    }
    // S is the weight sum the penalty is divided by, so weights of 1e-30
    // make the penalty as strong as a C of 1e-30 would.
    let penalty = options.resolvedPenalty
    if !penalty.isNone && 1 / (penalty.C * weightSum) > 1e10 {
      let weighted = weightSum != Double(trainingLabels.count)
      found.append(
        .vanishingC(
          options.C, weightSum: weighted ? weightSum : nil, stuckIntercept: stuckIntercept))
    }
    return found + separation
  }

  /// (fitted, intercept-only) first intercepts when they differ by more
  /// than 1e-6, or nil. The intercept-only model's intercepts are the
  /// weighted log class shares, centred for the multinomial model (the
  /// intercepts scikit-learn gives when every coefficient is 0).
  private var stuckIntercept: (fitted: Double, expected: Double)? {
    guard options.fitIntercept else { return nil }
    let K = model.classes.count
    let sums = classWeightSums
    let logs = sums.map { libmLog($0) }
    let expected =
      K == 2 ? libmLog(sums[1] / sums[0]) : logs[0] - logs.reduce(0, +) / Double(K)
    let fitted = model.intercept[0]
    guard expected.isFinite, abs(fitted - expected) > 1e-6 else { return nil }
    return (fitted, expected)
  }

  /// Separation checks, for unpenalized fits (or effectively unpenalized
  /// ones, C ≥ 1e8) where they change what the coefficients mean.
  private var separation: [FitDiagnostic] {
    let penalty = options.resolvedPenalty
    guard penalty.isNone || penalty.C >= 1e8 else { return [] }
    // One row of margins at a time: no n × K matrix for many classes.
    let K = model.classes.count
    var separated = true
    // Quasi-separation (two classes): the highest negative margin meets the
    // lowest positive one, up to rounding of the margins themselves.
    var highestNegative = -Double.infinity
    var lowestPositive = Double.infinity
    var scale = 0.0
    model.forEachRowMargins(unchecked: trainingFeatures) { i, r in
      let y = trainingLabels[i]
      if K == 2 {
        let m = r[0]
        if (y == 1 && !(m > 0)) || (y == 0 && !(m < 0)) { separated = false }
        scale = max(scale, abs(m))
        if y == 1 { lowestPositive = min(lowestPositive, m) } else {
          highestNegative = max(highestNegative, m)
        }
      } else if separated {
        for k in 0..<K where k != y && !(r[y] > r[k]) {
          separated = false
          break
        }
      }
    }
    if separated { return [.perfectSeparation] }
    if K == 2 && lowestPositive >= highestNegative - 1e-9 * max(scale, 1) {
      return [.quasiSeparation]
    }
    var saturated = 0
    model.forEachRow(unchecked: trainingFeatures) { _, p in
      for k in 0..<p.count where p[k] < 1e-10 || p[k] > 1 - 1e-10 {
        saturated += 1
        break
      }
    }
    return saturated > 0 ? [.saturatedProbabilities(count: saturated)] : []
  }
}

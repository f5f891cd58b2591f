import FitlogitData

extension LogisticRegression {
  /// Why the objective Σ sᵢ·lossᵢ / S + λ·P(β), λ = 1/(C·S), cannot be
  /// computed on `data`, or nil: a weight sum S past the largest double, or
  /// a C so small that λ overflows (scikit-learn prints NaN or stops
  /// ABNORMAL there). Checked before fitting, so no output holds NaN.
  ///
  /// Only the product C·S matters to the fit: dividing every weight by c
  /// and multiplying C by c gives the same coefficients, which is the way
  /// out the messages name.
  public func scaleProblem(for data: Dataset, checkC: Bool = true) -> String? {
    let weights = sampleWeights(for: data)
    let S = weights?.reduce(0, +) ?? Double(data.sampleCount)
    if !S.isFinite {
      return "the sample weights sum to more than 1.8e308 (the largest double), "
        + "so the objective overflows; divide them by a constant (and multiply "
        + "--C by it: the fit is the same)"
    }
    let penalty = resolvedPenalty
    guard checkC, !penalty.isNone, !(1 / (C * S)).isFinite else { return nil }
    let total = weights == nil ? "\(data.sampleCount) rows" : "sample weights summing to \(S)"
    return "--C \(C) with \(total) makes the penalty strength 1/(C·S) overflow, "
      + "so the objective is not a number; use a larger --C"
  }
}

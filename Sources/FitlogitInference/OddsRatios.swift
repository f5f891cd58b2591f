import FitlogitSystem

extension LogitSummary {
  /// exp(coef) per equation and name: the odds ratio of a one-unit step.
  public var oddsRatios: [[Double]] { params.map { $0.map(libmExp) } }

  /// exp of the Wald interval's ends (not a symmetric interval around the
  /// odds ratio): the convention of R's `exp(confint.default(m))` and
  /// Stata's `logit, or`, and what statsmodels' `np.exp(r.conf_int())` gives.
  public var oddsRatioCI: [[[Double]]] { ci.map { $0.map { $0.map(libmExp) } } }
}

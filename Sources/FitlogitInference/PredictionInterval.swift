import FitlogitCore

/// The interval of a predicted probability, as statsmodels'
/// `Logit(...).fit().get_prediction(X).summary_frame(alpha)` computes it:
/// the delta method on the linear predictor η = x·β, whose variance is
/// xᵀ Σ x, then both ends sent through the sigmoid. The ends stay inside
/// (0, 1) and keep η's symmetry, which an interval p ± z·se(p) does not.
/// `se` is the delta-method error of p itself, p(1 − p)·se(η), the column
/// statsmodels prints beside the interval.
public struct PredictionInterval: Equatable, Sendable {
  public var predicted: Double
  public var se: Double
  public var lower: Double
  public var upper: Double

  /// - Parameters:
  ///   - row: The features of one row (without the constant).
  ///   - params: β, const first (statsmodels' `params`).
  ///   - covariance: `cov_params()`, (d+1)×(d+1) row-major, const first.
  ///   - alpha: The interval's level is 1 − alpha.
  public init(
    row: some Collection<Double>, params: [Double], covariance: [Double], alpha: Double
  ) {
    let m = params.count
    precondition(row.count + 1 == m && covariance.count == m * m)
    let x = [1] + Array(row)
    var eta = 0.0
    for j in 0..<m { eta += x[j] * params[j] }
    var variance = 0.0
    for a in 0..<m {
      var s = 0.0
      for b in 0..<m { s += covariance[a * m + b] * x[b] }
      variance += x[a] * s
    }
    let seEta = max(variance, 0).squareRoot()
    let q = Normal.quantile(1 - alpha / 2)
    predicted = sigmoid(eta)
    // p(1 − p) as σ(η)·σ(−η): no cancellation when p is near 1.
    se = sigmoid(eta) * sigmoid(-eta) * seEta
    lower = sigmoid(eta - q * seEta)
    upper = sigmoid(eta + q * seEta)
  }
}

/// Which covariance of the estimates the table reports, with statsmodels'
/// `cov_type` names.
public enum CovarianceType: String, CaseIterable, Sendable {
  /// The inverse of the information matrix (statsmodels' default).
  case nonrobust
  /// White's sandwich, no correction.
  case HC0
  /// HC0 × n / (n − k), as R's `sandwich::vcovHC` on a glm.
  case HC1
  /// Squared residuals divided by 1 − h (the glm's hat values).
  case HC2
  /// Squared residuals divided by (1 − h)².
  case HC3
  /// Scores summed within each group, with statsmodels' default
  /// correction G/(G − 1) · (n − 1)/(n − k) (= `vcovCL(type = "HC1")`).
  case cluster
}

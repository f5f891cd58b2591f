import FitlogitData

extension LogitSummary {
  /// What a K-class summary cannot do, and why: each refusal names the
  /// missing reference, so "not implemented" never hides a wrong number.
  static func checkClasses(
    _ data: Dataset, firth: Bool, covarianceType: CovarianceType,
    margeff: MarginalEffects.Method?, discrete: Bool
  ) throws(SummaryError) {
    let K = data.classCount
    guard K > 2 else { return }
    if [.HC1, .HC2, .HC3].contains(covarianceType) {
      throw SummaryError(
        message: "--cov-type \(covarianceType.rawValue) needs two classes (the target has "
          + "\(K)): its correction is R sandwich's for a glm, and no reference defines it "
          + "for a multinomial logit (statsmodels' MNLogit returns HC0's numbers); use HC0 "
          + "or cluster")
    }
    if margeff == .eyex {
      throw SummaryError(
        message: "--margeff-method eyex needs two classes (the target has \(K)): "
          + "statsmodels' MNLogit fails to compute elasticities, so there is no reference "
          + "to match; use dydx")
    }
    if discrete {
      throw SummaryError(
        message: "discrete changes (--dummy, --count) need two classes (the target has "
          + "\(K)): statsmodels' MNLogit fails to compute their errors, so there is no "
          + "reference to match")
    }
  }

  /// Cluster labels → ids 0..<G in order of first appearance; at least
  /// two clusters, or the correction G/(G − 1) is undefined.
  static func clusterIDs(_ labels: [String]) throws(SummaryError) -> [Int] {
    var index: [String: Int] = [:]
    let ids = labels.map { label in
      if let k = index[label] { return k }
      index[label] = index.count
      return index.count - 1
    }
    if index.count < 2 {
      throw SummaryError(
        message: "--cov-type cluster needs at least 2 clusters; --groups has "
          + "\(index.count) (\"\(labels.first ?? "")\")")
    }
    return ids
  }
}

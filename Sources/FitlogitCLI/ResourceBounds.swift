import FitlogitData

/// Sizes checked from the header and the label pass, before any matrix of
/// that size is allocated: a 1.5 MB file must not ask for 28.8 GB.
enum ResourceBounds {
  /// Parameters past which the (K·(d+1))² Hessian of Newton and `summary`
  /// is refused: 4,096² doubles are 134 MB, and each iteration's
  /// factorization is already seconds there.
  static let secondOrderParameters = 4_096
  /// Rows × classes past which the multinomial fit is refused. The fit
  /// keeps no n × K matrix (it takes one row of K at a time), but every
  /// pass over the data computes all n·K probabilities, and L-BFGS makes
  /// dozens of passes: 1e8 of them is about a second per pass.
  static let probabilities = 100_000_000

  /// Refuses a Hessian of more than ``secondOrderParameters`` parameters.
  static func checkSecondOrder(_ data: Dataset, for what: String) throws(CommandError) {
    let K = data.classCount == 2 ? 1 : data.classCount
    let (p, overflow) = K.multipliedReportingOverflow(by: data.featureCount + 1)
    guard overflow || p > secondOrderParameters else { return }
    throw .data(
      "\(what) needs the (K·(d+1))² Hessian, and \(data.featureCount) features and "
        + "\(data.classCount) classes make \(overflow ? "too many" : "\(p)") parameters, "
        + "past the limit of \(secondOrderParameters); use fewer columns"
        + (what == "summary" ? "" : ", or --solver lbfgs"))
  }

  /// Refuses a multinomial fit of more than ``probabilities`` n·K values.
  static func checkProbabilities(_ data: Dataset) throws(CommandError) {
    guard data.classCount > 2 else { return }
    let (nK, overflow) = data.sampleCount.multipliedReportingOverflow(by: data.classCount)
    guard overflow || nK > probabilities else { return }
    throw .data(
      "\(data.sampleCount) rows × \(data.classCount) classes make \(nK) probabilities "
        + "in every pass over the data, past the limit of \(probabilities); merge rare "
        + "classes or fit fewer rows")
  }
}

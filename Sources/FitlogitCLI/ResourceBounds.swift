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

  /// n·(K·(d+1))² past which a K-class Newton step (`--solver newton`,
  /// `saga`'s proximal Newton, `summary`) is refused: each step adds every
  /// row's K²(d+1)² terms to the Hessian: 200 classes, 5 features and
  /// 1,000 rows (a 27 KB file) make 1.44e9, about 5 s a step in a release
  /// build (it was 65 s before the terms were added class-contiguously). Two classes take a parallel, symmetric path and are
  /// bounded by ``secondOrderParameters`` alone.
  static let multinomialHessianTerms = 2_000_000_000

  /// Refuses a Hessian of more than ``secondOrderParameters`` parameters,
  /// or a K-class one whose steps would take minutes
  /// (``multinomialHessianTerms``), before any of it is built.
  static func checkSecondOrder(_ data: Dataset, for what: String) throws(CommandError) {
    let K = data.classCount == 2 ? 1 : data.classCount
    let alternative =
      switch what {
      case "summary": ""
      case "--solver saga": ", or --solver lbfgs for an L2 penalty"
      default: ", or --solver lbfgs"
      }
    let (p, overflow) = K.multipliedReportingOverflow(by: data.featureCount + 1)
    if overflow || p > secondOrderParameters {
      throw .data(
        "\(what) needs the (K·(d+1))² Hessian, and \(data.featureCount) features and "
          + "\(data.classCount) classes make \(overflow ? "too many" : "\(p)") parameters, "
          + "past the limit of \(secondOrderParameters); use fewer columns" + alternative)
    }
    guard K > 1 else { return }
    let (pp, o1) = p.multipliedReportingOverflow(by: p)
    let (terms, o2) = pp.multipliedReportingOverflow(by: data.sampleCount)
    guard o1 || o2 || terms > multinomialHessianTerms else { return }
    throw .data(
      "\(what) with \(data.classCount) classes builds the Hessian at every Newton step "
        + "from n·(K·(d+1))² = \(data.sampleCount) × \(p)² = "
        + "\(o1 || o2 ? "too many" : "\(terms)") terms, past the limit of "
        + "\(multinomialHessianTerms); use fewer classes or columns" + alternative)
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

import FitlogitData
import FitlogitOptimization
import FitlogitSystem

extension LogisticRegression {
  /// scikit-learn's default grid of C for a path: `np.logspace(-4, 4, count)`,
  /// ascending, computed as NumPy does (10 ** (k·step − 4), the last
  /// exponent exactly 4) so the Cs are the same doubles.
  public static func pathGrid(count: Int) -> [Double] {
    precondition(count >= 1)
    if count == 1 { return [1e-4] }
    let step = 8 / Double(count - 1)
    return (0..<count).map { k in
      libmPow(10, k == count - 1 ? 4 : Double(k) * step + -4)
    }
  }

  /// The regularization path: one fit per C of `Cs`, in the given order,
  /// each started from the previous fit's coefficients (scikit-learn's
  /// `_logistic_regression_path`), so a path costs little more than its
  /// hardest fit. Every other option is this configuration's.
  public func path(
    _ data: Dataset, Cs: [Double], observer: ((Int, IterationRecord) -> Void)? = nil
  ) -> [Fit] {
    var fits: [Fit] = []
    var r = self
    for (k, C) in Cs.enumerated() {
      r.C = C
      r.warmStart = fits.last?.model ?? warmStart
      let fit = r.fit(data, observer: observer.map { f in { f(k, $0) } })
      fits.append(fit)
    }
    return fits
  }
}

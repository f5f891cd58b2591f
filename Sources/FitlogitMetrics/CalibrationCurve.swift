/// `calibration_curve(y_true, y_prob, n_bins=n, strategy="uniform")`: the
/// fraction of positives and the mean predicted probability in each
/// non-empty bin of [0, 1] cut into `n` equal widths, as scikit-learn
/// computes them (so the drawn points are scikit-learn's, to the bit).
public struct CalibrationCurve: Equatable, Sendable {
  /// `prob_true`: the fraction of positive rows in each non-empty bin.
  public var fractionPositive: [Double]
  /// `prob_pred`: the mean predicted probability in each non-empty bin.
  public var meanPredicted: [Double]
  /// Rows in every bin, empty ones included (the histogram's bars).
  public var counts: [Int]
  /// Positive rows in every bin, empty ones included.
  public var positiveCounts: [Int]
  /// The bin edges, `np.linspace(0, 1, n + 1)`.
  public var edges: [Double]
}

/// - Parameters:
///   - positive: Whether each row's true class is the positive one.
///   - probability: Each row's predicted probability of the positive
///     class, in [0, 1].
///   - bins: The number of bins (scikit-learn's `n_bins`).
/// scikit-learn's calibration_curve takes no sample weights; neither does
/// this: every row counts once.
public func calibrationCurve(
  positive: [Bool], probability: [Double], bins: Int = 10
) -> CalibrationCurve {
  precondition(positive.count == probability.count && bins >= 1)
  // np.linspace(0, 1, bins + 1): i · (1 / bins), the last edge exactly 1.
  let step = 1.0 / Double(bins)
  var edges = (0...bins).map { Double($0) * step }
  edges[bins] = 1
  var sums = [Double](repeating: 0, count: bins)
  var trues = [Double](repeating: 0, count: bins)
  var counts = [Int](repeating: 0, count: bins)
  for (i, p) in probability.enumerated() {
    // np.searchsorted(edges[1:-1], p) (side "left"): the inner edges < p.
    var bin = 0
    while bin < bins - 1 && edges[bin + 1] < p { bin += 1 }
    // np.bincount adds each bin's weights in row order.
    sums[bin] += p
    trues[bin] += positive[i] ? 1 : 0
    counts[bin] += 1
  }
  var fraction: [Double] = []
  var mean: [Double] = []
  for b in 0..<bins where counts[b] != 0 {
    fraction.append(trues[b] / Double(counts[b]))
    mean.append(sums[b] / Double(counts[b]))
  }
  return CalibrationCurve(
    fractionPositive: fraction, meanPredicted: mean, counts: counts,
    positiveCounts: trues.map { Int($0) }, edges: edges)
}

// The curves of a binary score: ROC and precision–recall, as
// sklearn.metrics builds them (`confusion_matrix_at_thresholds`,
// `roc_curve`, `precision_recall_curve`), point for point.

/// A ROC curve: false and true positive rates at each kept threshold,
/// from (0, 0) (threshold +∞) to (1, 1).
public struct ROCCurve: Equatable, Sendable {
  public var fpr: [Double]
  public var tpr: [Double]
  /// Decreasing; the first is +∞.
  public var thresholds: [Double]
}

/// A precision–recall curve, recall decreasing, ending at (recall 0,
/// precision 1) which has no threshold.
public struct PrecisionRecallCurve: Equatable, Sendable {
  public var precision: [Double]
  public var recall: [Double]
  /// Increasing; one fewer than the points.
  public var thresholds: [Double]
}

/// (Weighted) false and true positive counts at each distinct score,
/// scores taken in decreasing order (ties in row order, a stable sort).
/// Rows of weight 0 are left out first, as scikit-learn does.
struct ThresholdCounts {
  var fps: [Double]
  var tps: [Double]
  var thresholds: [Double]

  /// - Parameters:
  ///   - positive: Whether each row's true class is the positive one.
  init(positive: [Bool], score: [Double], sampleWeight: [Double]?) {
    precondition(positive.count == score.count, "one score per label")
    var rows = Array(positive.indices)
    if let w = sampleWeight { rows = rows.filter { w[$0] != 0 } }
    rows.sort { score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1) }
    var tpSum = 0.0, fpSum = 0.0
    fps = []
    tps = []
    thresholds = []
    for (k, i) in rows.enumerated() {
      let w = sampleWeight?[i] ?? 1
      let y = positive[i] ? 1.0 : 0.0
      tpSum += y * w
      fpSum += (1 - y) * w
      let last = k == rows.count - 1
      if last || score[rows[k + 1]] != score[i] {
        tps.append(tpSum)
        // Without weights scikit-learn counts fps as 1 + index − tps.
        fps.append(sampleWeight == nil ? 1 + Double(k) - tpSum : fpSum)
        thresholds.append(score[i])
      }
    }
  }
}

/// `roc_curve(y_true, y_score, sample_weight=w)` with scikit-learn's
/// default `drop_intermediate=True`: points collinear with both neighbours
/// are dropped. `nil` when the rows hold no positive or no negative weight
/// (scikit-learn returns NaN rates).
public func rocCurve(
  positive: [Bool], score: [Double], sampleWeight: [Double]? = nil
) -> ROCCurve? {
  let counts = ThresholdCounts(positive: positive, score: score, sampleWeight: sampleWeight)
  var fps = counts.fps, tps = counts.tps, thresholds = counts.thresholds
  if fps.count > 2 {
    var keep = [0]
    for i in 1..<(fps.count - 1) {
      let fpCorner = (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1])
      let tpCorner = (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1])
      if fpCorner != 0 || tpCorner != 0 { keep.append(i) }
    }
    keep.append(fps.count - 1)
    fps = keep.map { fps[$0] }
    tps = keep.map { tps[$0] }
    thresholds = keep.map { thresholds[$0] }
  }
  fps.insert(0, at: 0)
  tps.insert(0, at: 0)
  thresholds.insert(.infinity, at: 0)
  guard let fpLast = fps.last, fpLast > 0, let tpLast = tps.last, tpLast > 0 else {
    return nil
  }
  return ROCCurve(
    fpr: fps.map { $0 / fpLast }, tpr: tps.map { $0 / tpLast }, thresholds: thresholds)
}

/// `precision_recall_curve(y_true, y_score, sample_weight=w)` (every
/// threshold kept, scikit-learn's default). `nil` when no row is positive
/// (scikit-learn then sets recall to 1 everywhere, with a warning).
public func precisionRecallCurve(
  positive: [Bool], score: [Double], sampleWeight: [Double]? = nil
) -> PrecisionRecallCurve? {
  let c = ThresholdCounts(positive: positive, score: score, sampleWeight: sampleWeight)
  guard let tpLast = c.tps.last, tpLast != 0 else { return nil }
  var precision: [Double] = []
  var recall: [Double] = []
  for i in c.tps.indices.reversed() {
    let ps = c.tps[i] + c.fps[i]
    precision.append(ps != 0 ? c.tps[i] / ps : 0)
    recall.append(c.tps[i] / tpLast)
  }
  precision.append(1)
  recall.append(0)
  return PrecisionRecallCurve(
    precision: precision, recall: recall, thresholds: c.thresholds.reversed())
}

/// `auc(x, y)`: the trapezoidal area `np.trapezoid(y, x)` for x
/// non-decreasing, summed in NumPy's pairwise order.
public func trapezoidArea(x: [Double], y: [Double]) -> Double {
  precondition(x.count == y.count && x.count >= 2, "two points or more")
  let pieces = (1..<x.count).map { (i: Int) -> Double in
    let dx: Double = x[i] - x[i - 1]
    return dx * (y[i] + y[i - 1]) / 2.0
  }
  return numpySum(pieces)
}

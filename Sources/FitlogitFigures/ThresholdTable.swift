/// Confusion matrices at thresholds 0, 0.01, …, 1 and the ROC curve, from
/// the fitted probabilities: exact for any number of rows, and small enough
/// to put in the page. A point is predicted positive when p ≥ t, as in
/// scikit-learn's `roc_curve`.
struct ThresholdTable {
  /// Index k is the threshold k/100.
  var tp: [Int] = [], fp: [Int] = [], tn: [Int] = [], fn: [Int] = []
  /// (false positive rate, true positive rate) at each distinct
  /// probability, from (0, 0) to (1, 1).
  var roc: [(Double, Double)] = []
  var auc = 0.0

  /// O(n log n): one sort per class, a binary search per threshold.
  init(probabilities p: [Double], labels: [Int]) {
    let positives = zip(p, labels).filter { $0.1 == 1 }.map(\.0).sorted()
    let negatives = zip(p, labels).filter { $0.1 == 0 }.map(\.0).sorted()
    /// How many of `sorted` are ≥ t.
    func atLeast(_ sorted: [Double], _ t: Double) -> Int {
      var lo = 0, hi = sorted.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if sorted[mid] < t { lo = mid + 1 } else { hi = mid }
      }
      return sorted.count - lo
    }
    for k in 0...100 {
      let t = Double(k) / 100
      let truePositives = atLeast(positives, t)
      let falsePositives = atLeast(negatives, t)
      tp.append(truePositives)
      fp.append(falsePositives)
      fn.append(positives.count - truePositives)
      tn.append(negatives.count - falsePositives)
    }
    // The ROC curve: lower the threshold through every distinct p.
    let P = Double(max(positives.count, 1)), N = Double(max(negatives.count, 1))
    var i = positives.count - 1, j = negatives.count - 1
    var tpCount = 0, fpCount = 0
    roc.append((0, 0))
    while i >= 0 || j >= 0 {
      let t = max(i >= 0 ? positives[i] : -1, j >= 0 ? negatives[j] : -1)
      while i >= 0 && positives[i] == t { tpCount += 1; i -= 1 }
      while j >= 0 && negatives[j] == t { fpCount += 1; j -= 1 }
      let next = (Double(fpCount) / N, Double(tpCount) / P)
      let last = roc[roc.count - 1]
      auc += (next.0 - last.0) * (next.1 + last.1) / 2
      roc.append(next)
    }
  }

  /// The curve with at most `limit` vertices, ends kept, for drawing.
  func thinnedROC(limit: Int = 600) -> [(Double, Double)] {
    guard roc.count > limit else { return roc }
    var out = evenlySpacedRanks(roc.count, slots: limit - 2).map { roc[$0] }
    out.insert(roc[0], at: 0)
    out.append(roc[roc.count - 1])
    return out
  }
}

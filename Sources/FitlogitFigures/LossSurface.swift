import FitlogitSystem

/// The mean log loss (weighted as the fit weighs its rows) and the
/// penalized objective over a grid of (w, b), and their contour lines: the
/// landscape the solvers walk down.
struct LossSurface {
  let w: (Double, Double)
  let b: (Double, Double)
  /// Grid points per axis.
  let size: Int
  /// `loss[i * size + j]` at w = w(i), b = b(j).
  var loss: [Double] = []
  var objective: [Double] = []

  /// O(size² · rows): the rows are the page's (at most 20,000 distinct),
  /// so the cost does not grow with the data beyond that.
  init(
    rows: WeightedRows, w: (Double, Double), b: (Double, Double), penalty: PagePenalty,
    size: Int = 49
  ) {
    self.w = w
    self.b = b
    self.size = size
    for i in 0..<size {
      let wi = self.w(i)
      for j in 0..<size {
        let bj = self.b(j)
        let l = rows.weightedLogLoss(w: wi, b: bj)
        loss.append(l)
        objective.append(l + penalty.term(w: wi, b: bj, weightSum: rows.totalWeight))
      }
    }
  }

  func w(_ i: Int) -> Double { w.0 + (w.1 - w.0) * Double(i) / Double(size - 1) }
  func b(_ j: Int) -> Double { b.0 + (b.1 - b.0) * Double(j) / Double(size - 1) }

  /// Contour levels: denser near the minimum, where the paths end.
  static func levels(_ values: [Double], count: Int = 12) -> [Double] {
    let lo = values.min() ?? 0
    let hi = values.max() ?? 1
    return (1...count).map { k in
      let t = Double(k) / Double(count + 1)
      return lo + (hi - lo) * t * t
    }
  }

  /// Marching squares: the segments where `values` crosses `level`, in
  /// (w, b) coordinates. A saddle cell is split the same way every time.
  func segments(_ values: [Double], level: Double) -> [((Double, Double), (Double, Double))] {
    var out: [((Double, Double), (Double, Double))] = []
    func v(_ i: Int, _ j: Int) -> Double { values[i * size + j] }
    for i in 0..<(size - 1) {
      for j in 0..<(size - 1) {
        // Corners counter-clockwise: (i,j) (i+1,j) (i+1,j+1) (i,j+1).
        let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
        var crossings: [(Double, Double)] = []
        for e in 0..<4 {
          let (i0, j0) = corners[e], (i1, j1) = corners[(e + 1) % 4]
          let a = v(i0, j0), c = v(i1, j1)
          if (a < level) != (c < level) {
            let t = (level - a) / (c - a)
            crossings.append((
              w(i0) + (w(i1) - w(i0)) * t, b(j0) + (b(j1) - b(j0)) * t))
          }
        }
        if crossings.count >= 2 { out.append((crossings[0], crossings[1])) }
        if crossings.count == 4 { out.append((crossings[2], crossings[3])) }
      }
    }
    return out
  }
}

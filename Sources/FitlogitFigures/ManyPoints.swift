/// Above this many points a figure stops drawing one mark per point: marks
/// a few pixels apart merge into a wall (1,046 ages are a solid block) and
/// the SVG grows with the data. Histograms and evenly spaced samples take
/// their place, and the caption says which.
let manyPoints = 300

/// Equal-width bins over the data's range, for histograms of x.
struct Bins {
  let lo: Double
  let hi: Double
  let count: Int

  init(_ values: [Double], count: Int = 40) {
    lo = values.min() ?? 0
    hi = values.max() ?? 1
    self.count = count
  }

  /// The bin of `v`; the maximum falls in the last bin.
  func index(_ v: Double) -> Int {
    guard hi > lo else { return 0 }
    return min(count - 1, max(0, Int((v - lo) / (hi - lo) * Double(count))))
  }

  func lower(_ k: Int) -> Double { hi > lo ? lo + (hi - lo) * Double(k) / Double(count) : lo - 0.5 }
  func upper(_ k: Int) -> Double { hi > lo ? lo + (hi - lo) * Double(k + 1) / Double(count) : lo + 0.5 }

  /// Points per bin and class: `counts[class][bin]`. O(n).
  func counts(_ values: [Double], labels: [Int]) -> [[Int]] {
    var counts = [[Int]](repeating: [Int](repeating: 0, count: count), count: 2)
    for (v, y) in zip(values, labels) { counts[y][index(v)] += 1 }
    return counts
  }
}

/// `slots` ranks spread evenly over 0..<n, each the middle of its slice:
/// the points a sorted figure draws when it cannot draw them all.
func evenlySpacedRanks(_ n: Int, slots: Int) -> [Int] {
  guard n > slots else { return Array(0..<n) }
  return (0..<slots).map { k in min(n - 1, (2 * k + 1) * n / (2 * slots)) }
}

/// Ranks sorted by probability, ties by position: O(n log n).
func sortedOrder(_ p: [Double]) -> [Int] {
  p.indices.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
}

/// "12,345": counts in captions.
func grouped(_ n: Int) -> String {
  let digits = String(n)
  var out = ""
  for (k, c) in digits.enumerated() {
    if k > 0 && (digits.count - k) % 3 == 0 { out += "," }
    out.append(c)
  }
  return out
}

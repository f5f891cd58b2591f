import FitlogitSystem

/// Orders label strings the way scikit-learn's `classes_` does after
/// pandas reads the column.
///
/// pandas turns a column whose every value is a number into float64, so
/// `"1"`, `"1.0"` and `"01"` are one class and `"10"` sorts after `"9"`;
/// such a class is named by its value (`1`, `2.5`). A column of integers
/// that fit int64 stays int64, compared exactly. Any other column stays
/// text, and numpy sorts text by Unicode code point.
public enum ClassOrder {
  /// Sorted class names, and for each input label the index of its class.
  public static func encode(_ labels: [String]) -> (classes: [String], indices: [Int]) {
    var firstSeen: [String: Int] = [:]
    var distinct: [String] = []
    var rowDistinct = [Int]()
    rowDistinct.reserveCapacity(labels.count)
    for label in labels {
      if let k = firstSeen[label] {
        rowDistinct.append(k)
      } else {
        firstSeen[label] = distinct.count
        rowDistinct.append(distinct.count)
        distinct.append(label)
      }
    }
    // Every label an integer that fits int64: pandas keeps int64 and
    // compares exactly, so 2^53 and 2^53 + 1 stay two classes (as doubles
    // they are one).
    let integers = distinct.map { Int64($0) }
    if integers.allSatisfy({ $0 != nil }) {
      let values = integers.map { $0! }
      let sorted = Array(Set(values)).sorted()
      var index: [Int64: Int] = [:]
      for (k, v) in sorted.enumerated() { index[v] = k }
      let map = values.map { index[$0]! }
      return (sorted.map { String($0) }, rowDistinct.map { map[$0] })
    }
    let numbers = distinct.map(\.csvNumber)
    if numbers.allSatisfy({ $0 != nil }) {
      let values = numbers.map { $0! }
      let sorted = Array(Set(values)).sorted()
      var index: [Double: Int] = [:]
      for (k, v) in sorted.enumerated() { index[v] = k }
      let map = values.map { index[$0]! }
      return (sorted.map(name(ofNumber:)), rowDistinct.map { map[$0] })
    }
    let order = distinct.indices.sorted {
      distinct[$0].unicodeScalars.lexicographicallyPrecedes(
        distinct[$1].unicodeScalars)
    }
    var map = [Int](repeating: 0, count: distinct.count)
    for (k, d) in order.enumerated() { map[d] = k }
    return (order.map { distinct[$0] }, rowDistinct.map { map[$0] })
  }

  /// `1` for 1.0, `-3` for -3.0, `2.5` for 2.5: integers print without the
  /// `.0` so that a 0/1 column keeps the names users typed.
  static func name(ofNumber v: Double) -> String {
    if v == v.rounded(), abs(v) < 9.007_199_254_740_992e15 {
      return String(Int64(v))
    }
    return "\(v)"
  }
}

/// scikit-learn's `StratifiedKFold(n_splits=k)` without shuffling: the test
/// rows of each fold, ascending (the train rows are the rest).
///
/// Classes are numbered in order of first appearance; each class's rows are
/// dealt into folds in contiguous blocks, in file order, the block sizes
/// being a round robin over the sorted labels (`_make_test_folds`).
///
/// - Throws: ``SplitError`` when every class has fewer than `k` rows, as
///   scikit-learn raises (a class with fewer rows only warns there).
public func stratifiedKFold(labels: [Int], folds k: Int) throws(SplitError) -> [[Int]] {
  precondition(k >= 2, "two folds or more")
  // Classes by first appearance.
  var order: [Int: Int] = [:]
  var encoded: [Int] = []
  for y in labels {
    if order[y] == nil { order[y] = order.count }
    encoded.append(order[y]!)
  }
  let classCount = order.count
  var counts = [Int](repeating: 0, count: classCount)
  for y in encoded { counts[y] += 1 }
  if counts.allSatisfy({ k > $0 }) {
    throw SplitError(
      "n_splits=\(k) cannot be greater than the number of members in each class")
  }
  // allocation[f][c]: rows of class c in fold f, dealt round robin over
  // the sorted labels.
  let sorted = encoded.sorted()
  var allocation = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: k)
  for (i, y) in sorted.enumerated() { allocation[i % k][y] += 1 }
  var testFold = [Int](repeating: 0, count: labels.count)
  for c in 0..<classCount {
    var blocks: [Int] = []
    for f in 0..<k { blocks += [Int](repeating: f, count: allocation[f][c]) }
    var next = 0
    for i in labels.indices where encoded[i] == c {
      testFold[i] = blocks[next]
      next += 1
    }
  }
  return (0..<k).map { f in labels.indices.filter { testFold[$0] == f } }
}

/// The smallest class's row count, when below the number of folds:
/// scikit-learn's UserWarning "The least populated class in y has only N
/// members, which is less than n_splits=K", or nil.
public func leastPopulatedClassWarning(labels: [Int], folds k: Int) -> String? {
  var counts: [Int: Int] = [:]
  for y in labels { counts[y, default: 0] += 1 }
  guard let least = counts.values.min(), least < k else { return nil }
  return "the least populated class has only \(least) members, which is less than "
    + "--cv \(k) (scikit-learn: n_splits)"
}

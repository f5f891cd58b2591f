/// Why a split cannot be made, in scikit-learn's words.
public struct SplitError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// scikit-learn's `train_test_split(X, y, test_size=…, random_state=seed,
/// stratify=y)`: the train and test row indices, in the order it returns
/// the rows (`StratifiedShuffleSplit`'s first split, on NumPy's legacy
/// `RandomState(seed)`).
///
/// - Parameters:
///   - labels: Each row's class index; classes are numbered in sorted
///     order, as `np.unique(y)` numbers them.
///   - testSize: A fraction in (0, 1) (the test set has ⌈F·n⌉ rows), or a
///     whole number of rows ≥ 1, as scikit-learn reads a float or an int.
/// - Throws: ``SplitError`` where scikit-learn raises ValueError.
public func stratifiedTrainTestSplit(
  labels: [Int], testSize: Double, randomState seed: UInt32
) throws(SplitError) -> (train: [Int], test: [Int]) {
  let n = labels.count
  let nTest: Int
  if testSize > 0 && testSize < 1 {
    nTest = Int((testSize * Double(n)).rounded(.up))
  } else if testSize >= 1 && testSize == testSize.rounded() && testSize < Double(n) {
    nTest = Int(testSize)
  } else {
    throw SplitError(
      "test_size=\(testSize) should be either positive and smaller than the number of "
        + "samples \(n) or a float in the (0, 1) range")
  }
  let nTrain = n - nTest
  if nTrain == 0 {
    throw SplitError("with \(n) rows and test_size=\(testSize), the train set is empty")
  }
  let classCount = (labels.max() ?? -1) + 1
  var counts = [Int](repeating: 0, count: classCount)
  for y in labels { counts[y] += 1 }
  // np.unique: only the classes present, in order.
  let present = counts.indices.filter { counts[$0] > 0 }
  if let k = present.first(where: { counts[$0] < 2 }) {
    throw SplitError(
      "the least populated class (index \(k)) has only 1 member, which is too few: "
        + "a stratified split needs 2 rows of each class")
  }
  if nTrain < present.count {
    throw SplitError(
      "the train set of \(nTrain) rows should be at least the number of classes "
        + "\(present.count)")
  }
  if nTest < present.count {
    throw SplitError(
      "the test set of \(nTest) rows should be at least the number of classes "
        + "\(present.count)")
  }
  // Each class's rows in file order (a stable argsort of the labels).
  var classRows = [[Int]](repeating: [], count: classCount)
  for (i, y) in labels.enumerated() { classRows[y].append(i) }
  let classCounts = present.map { counts[$0] }

  var rng = MersenneTwister(seed: seed)
  let nI = approximateMode(classCounts, draws: nTrain, &rng)
  let remaining = classCounts.indices.map { classCounts[$0] - nI[$0] }
  let tI = approximateMode(remaining, draws: nTest, &rng)
  var train: [Int] = []
  var test: [Int] = []
  for (c, k) in present.enumerated() {
    let order = rng.permutation(classCounts[c])
    let rows = order.map { classRows[k][$0] }
    train += rows[0..<nI[c]]
    test += rows[nI[c]..<(nI[c] + tI[c])]
  }
  return (rng.permutation(train), rng.permutation(test))
}

/// `sklearn.utils.extmath._approximate_mode`: how many of `draws` rows to
/// take from each class, ⌊countₖ/Σ·draws⌋ and then one more for the classes
/// with the largest remainders, ties broken by `rng.choice` (which, without
/// replacement, is the first `size` of `permutation(len)`).
func approximateMode(
  _ counts: [Int], draws: Int, _ rng: inout MersenneTwister
) -> [Int] {
  let total = Double(counts.reduce(0, +))
  let continuous = counts.map { Double($0) / total * Double(draws) }
  var floored = continuous.map { $0.rounded(.down) }
  var needToAdd = draws - Int(floored.reduce(0, +))
  if needToAdd > 0 {
    let remainder = continuous.indices.map { continuous[$0] - floored[$0] }
    for value in Set(remainder).sorted(by: >) {
      let inds = remainder.indices.filter { remainder[$0] == value }
      let addNow = min(inds.count, needToAdd)
      let chosen = rng.permutation(inds.count).prefix(addNow).map { inds[$0] }
      for i in chosen { floored[i] += 1 }
      needToAdd -= addNow
      if needToAdd == 0 { break }
    }
  }
  return floored.map { Int($0) }
}

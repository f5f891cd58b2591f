import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitModelSelection

/// Golden/splits.json (scripts/make_split_golden.py).
private struct SplitGolden: Decodable {
  struct Draws: Decodable, Sendable {
    let seed: UInt32
    let uint32: [UInt32]
    let permutation_10: [Int]
    let permutation_1000_head: [Int]
  }
  struct Split: Decodable, Sendable, CustomTestStringConvertible {
    let labels: String
    let y: [Int]
    let test_size: Double
    let random_state: UInt32
    let train: [Int]?
    let test: [Int]?
    let error: String?
    var testDescription: String { "\(labels) test_size=\(test_size) seed=\(random_state)" }
  }
  let generator: [Draws]
  let splits: [Split]
}

private let splitGolden: SplitGolden = {
  let url = packageRoot.appendingPathComponent(
    "Tests/FitlogitModelSelectionTests/Golden/splits.json")
  return try! JSONDecoder().decode(SplitGolden.self, from: Data(contentsOf: url))
}()

@Suite struct MersenneTwisterTests {
  /// The reference MT19937's first output for its default seed 5489.
  @Test func referenceFirstOutput() {
    var rng = MersenneTwister(seed: 5489)
    #expect(rng.next32() == 3_499_211_612)
  }

  /// np.random.RandomState(seed): raw draws and permutations, exactly.
  @Test(arguments: splitGolden.generator.map(\.seed))
  func drawsMatchNumPy(seed: UInt32) {
    let want = splitGolden.generator.first { $0.seed == seed }!
    var rng = MersenneTwister(seed: seed)
    #expect((0..<5).map { _ in rng.next32() } == want.uint32)
    rng = MersenneTwister(seed: seed)
    #expect(rng.permutation(10) == want.permutation_10)
    #expect(Array(rng.permutation(1000).prefix(20)) == want.permutation_1000_head)
  }
}

@Suite struct StratifiedSplitTests {
  /// train_test_split(rows, test_size=F, random_state=N, stratify=y): the
  /// same train and test rows in the same order, for 4 label sets × 5
  /// sizes × 5 seeds; where scikit-learn refuses, so does fitlogit.
  @Test(arguments: splitGolden.splits)
  fileprivate func splitMatchesScikitLearn(s: SplitGolden.Split) {
    do {
      let (train, test) = try stratifiedTrainTestSplit(
        labels: s.y, testSize: s.test_size, randomState: s.random_state)
      #expect(s.error == nil)
      #expect(train == s.train)
      #expect(test == s.test)
    } catch {
      #expect(s.error != nil, "\(error)")
      #expect(error.message.contains("should be at least the number of classes"))
    }
  }
}

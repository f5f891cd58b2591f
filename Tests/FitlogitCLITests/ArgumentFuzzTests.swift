import Testing

@testable import FitlogitCLI
import FitlogitTestSupport

@Suite struct ArgumentFuzzTests {
  static let words = [
    "fit", "predict", "--json", "--C", "--C=", "--tol", "--max-iter", "--penalty", "--solver",
    "--target", "--no-intercept", "--save", "--help", "-h", "--version", "--class-weight",
    "--sample-weight", "--proba", "--verbose", "-", "--", "=", "1", "-1", "0", "1e308", "1e999",
    "nan", "inf", "-inf", "abc", "", "9223372036854775808", "-9223372036854775809", "l2", "none",
    "lbfgs", "gd", "balanced", "/nonexistent/x.csv", "é", "\u{0}", "--C=--C",
  ]

  /// 20,000 random command lines (on a file that does not exist, so nothing
  /// fits): each exits 0, 1 or 64, and an error is exactly one line.
  @Test func randomCommandLinesNeverTrap() {
    var rng = SplitMix64(seed: 3)
    var statuses: [Int32: Int] = [:]
    for _ in 0..<20_000 {
      let count = Int.random(in: 0...6, using: &rng)
      let args = (0..<count).map { _ in Self.words.randomElement(using: &rng)! }
      var out = ""
      var err = ""
      let status = FitlogitCLI.run(args, stdout: &out, stderr: &err)
      statuses[status, default: 0] += 1
      #expect([0, 1, 64].contains(status), "\(args)")
      if status != 0 {
        #expect(err.hasPrefix("fitlogit: error: "), "\(args)")
        #expect(err.filter { $0 == "\n" }.count == 1, "\(args)")
        #expect(out.isEmpty, "\(args)")
      }
    }
    #expect(statuses[0, default: 0] > 100)
    #expect(statuses[1, default: 0] > 100)
    #expect(statuses[64, default: 0] > 1000)
  }
}

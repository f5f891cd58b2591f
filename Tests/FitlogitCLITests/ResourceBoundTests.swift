import Foundation
import Testing

@testable import FitlogitCLI

/// Small files of adversarial shapes are refused from their sizes, before
/// the matrices they would need are allocated, and quickly.
@Suite struct ResourceBoundTests {
  /// 3 rows × 60,000 columns (1 MB): the Hessian would be 60,001² doubles
  /// (28.8 GB).
  static let wide: String = {
    var text = (0..<60_000).map { "c\($0)" }.joined(separator: ",") + ",y\n"
    for r in 0..<3 {
      text += (0..<60_000).map { String(($0 * 7 + r) % 5) }.joined(separator: ",")
      text += ",\(r % 2)\n"
    }
    return file(text, name: "wide.csv")
  }()

  @Test func summaryRefusesAHessianPastTheLimit() {
    let started = Date()
    let r = cli("summary", Self.wide)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: summary needs the (K·(d+1))² Hessian, and 60000 "
      + "features and 2 classes make 60001 parameters, past the limit of 4096; use fewer "
      + "columns\n")
    // Generous for a debug build on a shared machine; the allocation it
    // replaces failed after minutes.
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func newtonRefusesAHessianPastTheLimit() {
    let r = cli(Self.wide, "--solver", "newton")
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: --solver newton needs the (K·(d+1))² Hessian, and "
      + "60000 features and 2 classes make 60001 parameters, past the limit of 4096; use "
      + "fewer columns, or --solver lbfgs\n")
  }

  /// 20,000 classes of two rows each (a 0.5 MB file): n·K = 8e8
  /// probabilities per pass (no longer kept, but each pass computes them).
  @Test func multinomialRefusesTooManyProbabilities() {
    var text = "x,y\n"
    for k in 0..<20_000 { text += "\(k),c\(k)\n\(k).5,c\(k)\n" }
    let started = Date()
    let r = cli(file(text))
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: 40000 rows × 20000 classes make 800000000 "
      + "probabilities in every pass over the data, past the limit of 100000000; merge rare "
      + "classes or fit fewer rows\n")
    #expect(Date().timeIntervalSince(started) < 10)
  }

  /// A header of 100,000 columns: the error lists 20 names, not all.
  @Test func errorsListAtMostTwentyColumns() {
    let names = (0..<100_000).map { "c\($0)" }
    let path = file(names.joined(separator: ",") + "\n" + names.map { _ in "1" }
      .joined(separator: ",") + "\n")
    let r = cli(path, "--target", "z")
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(path):1:1: no column named \"z\" for the target; "
      + "the columns are " + names.prefix(20).map { "\"\($0)\"" }.joined(separator: ", ")
      + " and 99980 more\n")
  }
}

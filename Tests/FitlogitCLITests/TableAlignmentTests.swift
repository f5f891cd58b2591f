import Foundation
import Testing

@testable import FitlogitCLI

/// Text tables pad by the printed width of a name: a name holding ESC or a
/// tab is printed escaped (`\u{1b}`, `\u{9}`), and its row still lines up
/// with the others. Before, the padding counted the raw name (ESC as one
/// character) and the escaped row stood five characters out of line.
///
/// The data are spector.csv (Spector and Mazzeo's 32 students) with two
/// columns renamed, so the numbers are the references': scikit-learn
/// 1.9.1's `LogisticRegression().fit(X, y)` (coef 1.21007979, 0.13015329,
/// 1.16214035, intercept -7.94902062) and statsmodels' `Logit(y,
/// add_constant(X)).fit().summary()` (the rows of its documentation's
/// example).
@Suite struct TableAlignmentTests {
  static func spector(renaming names: [String]) throws -> String {
    let text = try String(contentsOfFile: dataFile("spector.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    lines[0] = (names + ["GRADE"]).joined(separator: ",")
    let path = temporaryDirectory() + "/spector.csv"
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let escaped = ["GPA\u{1b}[1m", "TU\tCE", "PSI"]

  /// The coefficient rows of a fit report: the lines after its "coef"
  /// header, up to the status line.
  static func coefficientRows(_ out: String) throws -> [String] {
    let lines = out.split(separator: "\n").map(String.init)
    let header = try #require(lines.firstIndex { $0.hasSuffix(" coef") })
    return Array(lines[(header + 1)...].prefix { $0.hasPrefix("  ") })
  }

  @Test func fitCoefficientRowsLineUpAfterEscaping() throws {
    let r = cli(try Self.spector(renaming: Self.escaped))
    #expect(r.status == 0)
    #expect(r.out.contains("\n" + String(repeating: " ", count: 23) + "coef\n"))
    let rows = try Self.coefficientRows(r.out)
    #expect(rows == [
      #"  GPA\u{1b}[1m   1.21007979"#,
      #"  TU\u{9}CE      0.13015329"#,
      "  PSI            1.16214035",
      "  (intercept)   -7.94902062",
    ])
    #expect(Set(rows.map { $0.count }) == [27])
  }

  @Test func summaryCoefficientRowsLineUpAfterEscaping() throws {
    let r = cli("summary", try Self.spector(renaming: Self.escaped))
    #expect(r.status == 0)
    // The stub is the longest printed name (12), so the table is 80 wide.
    #expect(r.out.contains("""
      \(String(repeating: "=", count: 80))
                         coef    std err          z      P>|z|      [0.025      0.975]
      \(String(repeating: "-", count: 80))
      const          -13.0213      4.931     -2.641      0.008     -22.687      -3.356
      GPA\\u{1b}[1m     2.8261      1.263      2.238      0.025       0.351       5.301
      TU\\u{9}CE        0.0952      0.142      0.672      0.501      -0.182       0.373
      PSI              2.3787      1.065      2.234      0.025       0.292       4.465
      \(String(repeating: "=", count: 80))

      """))
  }

  /// Width is counted in Characters: "é" precomposed, "e" + U+0301 and each
  /// CJK ideograph are one each (a terminal draws "中" two columns wide; see
  /// `printedWidth`).
  @Test func multiByteNamesCountByCharacter() throws {
    let r = cli(try Self.spector(renaming: ["é", "中文", "e\u{301}x"]))
    #expect(r.status == 0)
    let rows = try Self.coefficientRows(r.out)
    #expect(rows == [
      "  é             1.21007979",
      "  中文            0.13015329",
      "  e\u{301}x            1.16214035",
      "  (intercept)  -7.94902062",
    ])
    #expect(Set(rows.map { $0.count }) == [26])
  }
}

import Foundation
import Testing

@testable import FitlogitCLI
import FitlogitSystem

/// Names from a file never reach the terminal raw: a header or a label
/// holding ESC [ 2 J (clear the screen), ESC [ 31 m (red) or U+202E (right
/// to left) is printed escaped by every text report and message, while
/// JSON keeps the exact string. Before, `fitlogit esc.csv` printed the
/// bytes as they were, and a 1M-character header went whole into an error.
@Suite struct TerminalEscapeTests {
  static let esc = "\u{1b}"
  /// Two classes named with a colour sequence and a right-to-left
  /// override, one feature named with a clear-screen sequence.
  static func escapeFile() throws -> String {
    let path = temporaryDirectory() + "/esc.csv"
    let red = "\(esc)[31mred", blue = "blue\u{202e}"
    let rows = [("1", red), ("2", red), ("3", blue), ("4", blue), ("1.5", blue), ("2.5", red)]
    let text = "x\(esc)[2J,y\n" + rows.map { "\($0),\($1)\n" }.joined()
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// No byte of the output is a control other than the line end, and none
  /// is U+202E.
  static func isPrintable(_ text: String) -> Bool {
    !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0 == "\u{202e}" }
  }

  @Test func fitReportEscapesNames() throws {
    let r = cli(try Self.escapeFile(), "--target", "y")
    #expect(r.status == 0)
    #expect(Self.isPrintable(r.out))
    #expect(r.out.contains(
      #"y = [\u{1b}[31mred \u{1b}[31mred blue\u{202e} blue\u{202e} blue\u{202e} \u{1b}[31mred]"#
        + "\n"))
    #expect(r.out.contains(
      #"Logistic regression of y on x\u{1b}[2J: 6 rows, classes \u{1b}[31mred < "#
        + #"blue\u{202e}; p(y) is P(y = blue\u{202e})"# + "\n"))
  }

  /// predict's labels and summary's table are escaped too; JSON is exact.
  @Test func predictAndSummaryEscapeJSONKeepsTheString() throws {
    let data = try Self.escapeFile()
    let model = temporaryDirectory() + "/esc.json"
    #expect(cli(data, "--target", "y", "--save", model).status == 0)
    let predicted = cli("predict", model, data)
    #expect(predicted.out == "prediction\n" + [
      #"\u{1b}[31mred"#, #"\u{1b}[31mred"#, #"blue\u{202e}"#, #"blue\u{202e}"#,
      #"\u{1b}[31mred"#, #"blue\u{202e}"#,
    ].map { $0 + "\n" }.joined())
    let proba = cli("predict", model, data, "--proba")
    #expect(proba.out.hasPrefix(#"\u{1b}[31mred,blue\u{202e}"# + "\n"))
    let summary = cli("summary", data, "--target", "y")
    #expect(summary.status == 0)
    #expect(Self.isPrintable(summary.out))
    #expect(summary.out.contains(#"x\u{1b}[2J"#))

    let json = cli(data, "--target", "y", "--json")
    #expect(json.out.hasPrefix(
      #"{"classes": ["\u001b[31mred", "blue\u202e"], "feature_names": ["x\u001b[2J"], "#))
    let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
    #expect(parsed["classes"] as! [String] == ["\(Self.esc)[31mred", "blue\u{202e}"])
  }

  @Test func errorsEscapeNames() throws {
    let path = try Self.escapeFile()
    let r = cli(path, "--target", "z")
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(path):1:1: no column named \"z\" for the target; "
      + #"the columns are "x\u{1b}[2J", "y""# + "\n")
  }

  /// One column name of a million characters: the message quotes 40 of
  /// them (it was 10.9 MB long for a 1M-column header before).
  @Test func aLongNameIsCut() throws {
    let path = temporaryDirectory() + "/wide.csv"
    let long = String(repeating: "w", count: 1_000_000)
    try "\(long),y\n1,a\n2,b\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = cli(path, "--target", "z")
    #expect(r.status == 1)
    let cut = "\"" + String(repeating: "w", count: 40) + "…\""
    #expect(r.err == "fitlogit: error: \(path):1:1: no column named \"z\" for the target; "
      + "the columns are \(cut), \"y\"\n")
  }

  /// A file name holding an escape sequence, in a message.
  @Test func fileNamesAreEscaped() {
    let r = cli("no\(Self.esc)[2Jsuch.csv")
    #expect(r.status == 1)
    #expect(r.err == #"fitlogit: error: no\u{1b}[2Jsuch.csv: no such file or directory"# + "\n")
  }

  /// The one function behind all of it.
  @Test func printableEscapesControlsAndInvisibleOverrides() {
    #expect(printable("a\u{1b}[2Jb\u{7f}\u{85}\u{202e}\u{2066}\u{2028}c")
      == #"a\u{1b}[2Jb\u{7f}\u{85}\u{202e}\u{2066}\u{2028}c"#)
    #expect(printable("👩‍💻 é 中") == "👩‍💻 é 中")
    #expect(printable("abcdef", limit: 3) == "abc…")
    #expect(quoted("a\"b\\c\n", limit: 60) == #""a\"b\\c\n""#)
    #expect(printableLines("a\tb\nc\u{1b}") == "a\\u{9}b\nc\\u{1b}")
  }
}

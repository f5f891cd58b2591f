import Foundation
import Testing

@testable import FitlogitCLI
import FitlogitCore
import FitlogitData
import FitlogitTestSupport

/// The option tables against what they drive: `--help`, the README's option
/// list, and the defaults of the library.
@Suite struct OptionTableTests {
  static let commands: [(name: String, table: OptionTable, help: String)] = [
    ("fit", FitCommand.table, Help.fit), ("predict", PredictCommand.table, Help.predict),
    ("loss", LossCommand.table, Help.loss), ("summary", SummaryCommand.table, Help.summary),
    ("margeff", MarginalEffectsCommand.table, Help.margeff),
    ("path", PathCommand.table, Help.path),
    ("score", ScoreCommand.table, Help.score),
  ]

  /// The README's block for one command: its usage line, then the table's
  /// help lines, indented as a Markdown code block.
  static func readmeBlock(usage: String, table: OptionTable) -> String {
    ([usage] + table.helpBlock.split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map(String.init))
      .map { "    " + $0 }.joined(separator: "\n") + "\n"
  }

  @Test func readmeListsEachCommandsOptionsAsTheTableDoes() throws {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    for command in Self.commands {
      let usage = String(command.help.prefix { $0 != "\n" }.dropFirst("USAGE: ".count))
      let block = Self.readmeBlock(usage: usage, table: command.table)
      #expect(
        readme.contains(block),
        "README.md's \"Options\" section should hold this block for '\(command.name)':\n\(block)")
    }
  }

  /// Every command the main help lists (`fitlogit WORD ...`) is in the list
  /// above, so a new command's table is checked too.
  @Test func everyCommandIsChecked() {
    let listed = Help.main.matches(of: #/\n  fitlogit ([a-z]+) /#).map { String($0.1) }
    #expect(listed.count >= 5)
    #expect(Set(listed) == Set(Self.commands.map(\.name)))
  }

  @Test func helpShowsTheTableAndMentionsEveryOption() {
    for command in Self.commands {
      #expect(command.help.hasSuffix("\nOPTIONS:\n" + command.table.helpBlock))
      for option in command.table.options {
        #expect(command.help.contains(option.name), "\(command.name) \(option.name)")
      }
      let names = command.table.options.flatMap(\.names)
      #expect(Set(names).count == names.count, "a name twice in \(command.name)'s table")
    }
  }

  /// The help lines line up at column 26; a long synopsis puts its text on
  /// the next line.
  @Test func helpLayout() {
    #expect(
      LossCommand.table.helpBlock.contains(
        "  --reduction mean|sum|none\n"
          + String(repeating: " ", count: 26)
          + "mean (Keras' sum over batch size), sum, or per sample\n"
          + "  --sample-weight LIST    one weight per sample (FILE: a column)\n"))
    #expect(
      FitCommand.table.helpBlock.contains(
        "\n  --solver lbfgs|gd|newton|newton-cg|saga|liblinear\n" + String(repeating: " ", count: 26)
          + "default lbfgs; newton is sklearn's newton-cholesky;\n"))
  }

  /// Defaults are read through the same validation as a user's words, and
  /// they are the library's defaults.
  @Test func defaultsAreTheLibrarys() throws {
    let options = try #require(try FitCommand.parse(["data.csv"]))
    let r = options.regression
    let library = LogisticRegression()
    #expect(r.penalty == library.penalty && r.C == library.C && r.solver == library.solver)
    #expect(r.tol == library.tol && r.maxIter == library.maxIter)
    #expect(r.fitIntercept == library.fitIntercept && r.classWeight == library.classWeight)
    #expect(options.path == "data.csv")
    #expect(options.reading == CSVReadOptions() && !options.json && !options.verbose)
  }

  @Test func choiceErrors() {
    #expect(
      cli("x.csv", "--class-weight", "auto").err
        == "fitlogit: error: '--class-weight' expects balanced or NAME:WEIGHT pairs such as "
        + "a:1,b:2 (weights finite and >= 0), found 'auto' (see 'fitlogit --help')\n")
    #expect(
      cli("loss", "--y-true", "1", "--y-pred", "1", "--reduction", "avg").err
        == "fitlogit: error: '--reduction' must be one of mean, sum, none, found 'avg' "
        + "(see 'fitlogit --help')\n")
  }

  @Test func exitStatuses() {
    #expect(ExitStatus.success == 0 && ExitStatus.data == 1 && ExitStatus.usage == 64)
    #expect(cli("x.csv", "--C", "0").status == ExitStatus.usage)
    #expect(cli("/nonexistent/x.csv").status == ExitStatus.data)
  }
}

import FitlogitData

/// The options that say how a data file becomes a dataset (columns,
/// categories, missing values), shared by `fit` and `summary`.
enum DataOptions {
  /// Table entries, in the order `--help` lists them.
  /// The first options of `summary` and `margeff`, which fit the same
  /// unpenalized model: the label, the intervals' level and how the file is
  /// read (no --drop-first or --standardize: both use treatment coding on
  /// the original scale, as R and statsmodels formulas do).
  static let inferenceEntries: [Option] =
    [
      .text("--target", "NAME", help: "label column (default: the last column)"),
      .number(
        "--alpha", "A", default: "0.05", requirement: "in (0, 1)",
        help: "confidence level 1 - A for the intervals (default 0.05)"
      ) { $0 > 0 && $0 < 1 },
    ] + entries.filter { $0.name != "--drop-first" && $0.name != "--standardize" }

  static let entries: [Option] = [
    .text("--features", "A,B", help: "use only these feature columns, in this order"),
    .text("--exclude", "A,B", help: "leave these columns out (an id, a name)"),
    .text(
      "--categorical", "A,B",
      help: "treat these numeric-coded columns as categories, like text",
      "columns (R's factor(x), statsmodels' C(x))"),
    .flag("--drop-first", help: "no indicator for each categorical column's first level"),
    .flag(
      "--dropna",
      help: "drop rows with a missing value in a used column (R's na.omit)"),
    .text(
      "--delimiter", "C",
      help: "field separator: ',' (default; tab for .tsv), ';', '\\t' or tab;",
      "a header with no ',' but ';' or tabs is read that way"),
    .flag(
      "--standardize",
      help: "scale numeric columns to mean 0, sd 1 (StandardScaler); the",
      "model keeps the scaler"),
  ]

  /// The reading options from parsed words.
  static func read(
    _ p: ParsedOptions, target: String?, sampleWeight: String?
  ) throws(CommandError) -> CSVReadOptions {
    // A command's table may leave some of these out (summary: no scaling).
    func flag(_ name: String) -> Bool {
      p.table.option(named: name) != nil && p.flag(name)
    }
    var delimiter: UInt8?
    if p.table.option(named: "--delimiter") != nil, let text = p.text("--delimiter") {
      let bytes = Array(text.utf8)
      switch text {
      case "\\t", "tab", "\t": delimiter = 0x09
      default:
        guard bytes.count == 1, bytes[0] >= 0x20, bytes[0] < 0x7F, bytes[0] != 0x22 else {
          throw .usage(
            "'--delimiter' must be one character such as ';' or '\\t', found \(shown(text))")
        }
        delimiter = bytes[0]
      }
    }
    return CSVReadOptions(
      target: target, sampleWeight: sampleWeight,
      features: p.text("--features").map(list),
      exclude: p.text("--exclude").map(list) ?? [],
      categorical: p.text("--categorical").map(list) ?? [],
      dropFirst: flag("--drop-first"), dropMissing: flag("--dropna"),
      standardize: flag("--standardize"), delimiter: delimiter)
  }

  /// `a,b` → ["a", "b"]; names are taken as written (no trimming).
  static func list(_ text: String) -> [String] {
    text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }

  /// What `--dropna` dropped, for the text reports.
  static func droppedLine(_ data: Dataset) -> String {
    let n = data.droppedRows
    return n == 0 ? "" : "(\(n) row\(n == 1 ? "" : "s") with missing values dropped)\n"
  }
}

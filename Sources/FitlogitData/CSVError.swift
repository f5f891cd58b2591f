import FitlogitSystem

/// Why a data file was rejected, and where.
///
/// `line` and `column` are 1-based; `column` counts CSV fields, not
/// characters, because a field is what the user has to fix. A problem with
/// the file as a whole (missing, a directory) has `line == 0` and prints
/// without a position.
public struct CSVError: Error, Equatable, CustomStringConvertible, Sendable {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String
  /// Notes found before the error (a detected delimiter, the index column
  /// left out), which the user should still see: they may explain it.
  public var notes: [String] = []

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    line == 0 ? "\(file): \(message)" : "\(file):\(line):\(column): \(message)"
  }
}

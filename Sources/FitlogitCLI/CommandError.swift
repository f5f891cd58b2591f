/// A failure the user can fix, with the exit status it maps to.
///
/// Usage errors exit `ExitStatus.usage`, bad data and failed runs
/// `ExitStatus.data`.
public struct CommandError: Error, Equatable, CustomStringConvertible {
  /// A usage error (exit 64) or a data error (exit 1).
  public enum Kind: Equatable, Sendable { case usage, data }
  public var kind: Kind
  public var message: String
  /// Printed as `fitlogit: note:` lines before the error (a data file's
  /// notes that came before its error).
  public var notes: [String] = []

  public static func usage(_ message: String) -> CommandError {
    CommandError(kind: .usage, message: message)
  }
  public static func data(_ message: String) -> CommandError {
    CommandError(kind: .data, message: message)
  }

  public var exitStatus: Int32 { kind == .usage ? ExitStatus.usage : ExitStatus.data }
  public var description: String { message }
}

/// The statuses `fitlogit` exits with.
public enum ExitStatus {
  public static let success: Int32 = 0
  /// Bad data, an unreadable file or a failed run.
  public static let data: Int32 = 1
  /// A wrong command line: EX_USAGE of sysexits.h, as swift-argument-parser's
  /// `validationFailure`.
  public static let usage: Int32 = 64
}

/// A failure the user can fix, with the exit status it maps to.
///
/// Usage errors exit 64 (EX_USAGE, as swift-argument-parser's
/// `validationFailure`); bad data and failed runs exit 1.
public struct CommandError: Error, Equatable, CustomStringConvertible {
  public enum Kind: Equatable, Sendable { case usage, data }
  public var kind: Kind
  public var message: String

  public static func usage(_ message: String) -> CommandError {
    CommandError(kind: .usage, message: message)
  }
  public static func data(_ message: String) -> CommandError {
    CommandError(kind: .data, message: message)
  }

  public var exitStatus: Int32 { kind == .usage ? 64 : 1 }
  public var description: String { message }
}

/// Why a model file could not be read or written.
///
/// A value rather than a trap: a model file may come from anywhere (an
/// older version, a hand edit), so every shape is checked before use.
public struct ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Which step failed: the file, its JSON, or the model in it.
  public enum Kind: Equatable, Sendable {
    /// The file could not be opened, read or written.
    case file
    /// The bytes are not JSON text.
    case notJSON
    /// JSON, but not a fitlogit model (a member missing or of the wrong shape).
    case notModel
  }

  public var kind: Kind
  /// The file, when the error came from one (nil for ``LogisticModel/init(json:)``).
  public var path: String?
  /// What is wrong, without the path: "not a fitlogit model file: …".
  public var message: String

  public init(kind: Kind, path: String? = nil, message: String) {
    self.kind = kind
    self.path = path
    self.message = message
  }

  /// "path: message", or the message alone.
  public var description: String { path.map { "\($0): \(message)" } ?? message }
}

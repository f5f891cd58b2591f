/// Why arrays given to a public initialiser or to `predict` do not fit
/// together: a value count that is not rows × columns, a model whose
/// coefficient rows do not match its classes, a matrix with the wrong
/// number of columns.
///
/// A value rather than a trap: these shapes come from a library user's
/// arrays, and a wrong one is their mistake to see and fix, not a crash.
/// (The package's own code, whose shapes are right by construction, uses
/// `package` initialisers that skip the checks.)
public struct ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// One sentence naming the shapes that disagree.
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

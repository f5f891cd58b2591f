/// Why arrays given to ``Dataset/init(features:labels:featureNames:targetName:sampleWeights:)-(Matrix,_,_,_,_)``
/// cannot make a dataset.
///
/// A value rather than a trap: the checks run once, where the data comes
/// in, so that nothing downstream (the objective indexes per-class arrays
/// by label) can meet a label, a weight or a shape it cannot handle.
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// One sentence saying what is wrong and where (rows and columns count
  /// from 0, as Swift indexes arrays).
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

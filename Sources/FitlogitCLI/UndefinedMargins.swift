import FitlogitCore
import FitlogitData

extension LogisticModel {
  /// Refuses rows whose x·w overflows to ∞ − ∞: they have no probability
  /// and no most probable class, and printing NaN or class 0 for them would
  /// be a made-up answer (`predict`, `score`).
  func checkDefined(_ x: Matrix, source: String) throws(CommandError) {
    guard let i = firstUndefinedRow(unchecked: x) else { return }
    throw .data(
      "\(source): data row \(i + 1): x·w overflows double arithmetic (a feature "
        + "value too large for the model's coefficients), so the row has no "
        + "probability; rescale the features")
  }
}

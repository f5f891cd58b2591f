// The four original conventions (keras2, keras3, sklearn, exact) in both
// precisions; the side-by-side view of every framework is LossComparison.swift.

/// The same loss in Double and in Float: n values (binary) or n rows of K
/// (categorical).
public func lossInBothPrecisions(
  _ yTrue: [[Double]], _ yPred: [[Double]], _ categorical: Bool, _ o: LossOptions
) throws(CrossEntropyError) -> (LossResult<Double>, LossResult<Float>) {
  if categorical {
    return (
      try categoricalCrossEntropy(yTrue: yTrue, yPred: yPred, options: o),
      try categoricalCrossEntropy(
        yTrue: yTrue.map { $0.map(Float.init) }, yPred: yPred.map { $0.map(Float.init) },
        options: o)
    )
  }
  let t = yTrue.map { $0[0] }
  let p = yPred.map { $0[0] }
  return (
    try binaryCrossEntropy(yTrue: t, yPred: p, options: o),
    try binaryCrossEntropy(yTrue: t.map(Float.init), yPred: p.map(Float.init), options: o)
  )
}

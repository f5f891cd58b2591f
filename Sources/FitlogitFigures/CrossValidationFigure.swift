import FitlogitSystem

/// `fit --cv --plot`: the mean fold score ± one standard deviation against
/// C on a log axis, the chosen C marked; LogisticRegressionCV's choice,
/// drawn.
public struct CrossValidationFigureInput: Sendable {
  public var Cs: [Double]
  /// np.mean and np.std (ddof 0) of each C's fold scores.
  public var mean: [Double]
  public var std: [Double]
  public var bestIndex: Int
  public var scoring: String
  public var folds: Int

  public init(
    Cs: [Double], mean: [Double], std: [Double], bestIndex: Int, scoring: String, folds: Int
  ) {
    self.Cs = Cs
    self.mean = mean
    self.std = std
    self.bestIndex = bestIndex
    self.scoring = scoring
    self.folds = folds
  }
}

public func crossValidationFigure(_ input: CrossValidationFigureInput) -> Figure {
  let lows = zip(input.mean, input.std).map { $0 - $1 }
  let highs = zip(input.mean, input.std).map { $0 + $1 }
  var lo = lows.min() ?? 0, hi = highs.max() ?? 1
  let pad = hi > lo ? (hi - lo) * 0.08 : max(abs(hi) * 0.05, 0.01)
  lo -= pad
  hi += pad
  let cLo = input.Cs.min() ?? 1, cHi = input.Cs.max() ?? 1
  let xDomain = cHi > cLo ? (cLo, cHi) : (cLo / 10, cLo * 10)
  var plot = Plot(
    width: 640, height: 380, title: "Cross-validation: mean \(input.scoring) against C",
    x: xDomain, y: (lo, hi), xLog: true, margin: (64, 24, 56, 72))
  plot.axes(xLabel: "C (log scale)", yLabel: "mean \(input.scoring) over \(input.folds) folds")
  let band = (input.Cs.indices.map { (plot.x(input.Cs[$0]), plot.y(highs[$0])) }
    + input.Cs.indices.reversed().map { (plot.x(input.Cs[$0]), plot.y(lows[$0])) })
    .map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
  plot.svg.raw(
    "<polygon points=\"\(band)\" fill=\"\(Palette.positive)\" fill-opacity=\"0.18\" "
      + "stroke=\"none\"/>")
  let points = input.Cs.indices.map { (plot.x(input.Cs[$0]), plot.y(input.mean[$0])) }
  plot.svg.polyline(points, stroke: Palette.positive, width: 2.5)
  for (k, p) in points.enumerated() {
    plot.svg.circle(
      p.0, p.1, r: 4, fill: Palette.positive,
      title: "C = \(input.Cs[k]): mean \(decimals(input.mean[k], 6)) ± "
        + decimals(input.std[k], 6))
  }
  let best = points[input.bestIndex]
  plot.svg.line(best.0, plot.top, best.0, plot.bottom, stroke: Palette.negative, dash: "5 4")
  plot.svg.diamond(best.0, best.1, r: 8, fill: Palette.negative, title: "C_ = \(input.Cs[input.bestIndex])")
  plot.legend(
    [
      ("mean score", Palette.positive, .circle),
      ("± one std", "#B3D4E8", .bar),
      ("chosen C_ = \(significantC(input.Cs[input.bestIndex]))", Palette.negative, .diamond),
    ], corner: .above)
  return Figure(
    fileName: "cv-scores.svg", title: "Cross-validation scores",
    caption: "Each C's \(input.scoring) averaged over the \(input.folds) folds, the band one "
      + "standard deviation (np.std) either side; the dashed line marks the C "
      + "LogisticRegressionCV chooses (the best summed score, ties to the smaller C).",
    svg: plot.svg.text)
}

/// C for a legend: up to 4 significant digits ("0.0464", "2783").
func significantC(_ c: Double) -> String {
  guard c > 0, c.isFinite else { return "\(c)" }
  let e = Int(libmFloor(libmLog10(c)))
  return decimals(c, max(0, 3 - e))
}

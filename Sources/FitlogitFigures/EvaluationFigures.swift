/// The figures of a held-out evaluation (`score --plot`, `fit --test
/// --plot`): ROC and precision–recall curves, the calibration curve with a
/// histogram of the predicted probabilities, and the confusion matrix. The
/// curves arrive computed (by FitlogitMetrics, as sklearn.metrics computes
/// them); this file only draws them.
public struct EvaluationFigureInput: Sendable {
  /// One drawn curve: its legend label and its points.
  public struct Curve: Sendable {
    public var label: String
    public var x: [Double]
    public var y: [Double]
    public init(label: String, x: [Double], y: [Double]) {
      self.label = label
      self.x = x
      self.y = y
    }
  }

  /// `calibration_curve`'s points and every bin's rows (binary only).
  public struct Calibration: Sendable {
    public var fractionPositive: [Double]
    public var meanPredicted: [Double]
    public var counts: [Int]
    public var positiveCounts: [Int]
    public var edges: [Double]
    public init(
      fractionPositive: [Double], meanPredicted: [Double], counts: [Int],
      positiveCounts: [Int], edges: [Double]
    ) {
      self.fractionPositive = fractionPositive
      self.meanPredicted = meanPredicted
      self.counts = counts
      self.positiveCounts = positiveCounts
      self.edges = edges
    }
  }

  /// What was scored ("test.csv"), for captions.
  public var source: String
  public var classNames: [String]
  /// One curve (binary) or one per class, one-vs-rest; x = FPR, y = TPR.
  public var roc: [Curve]
  /// The same, x = recall, y = precision.
  public var precisionRecall: [Curve]
  public var calibration: Calibration?
  /// K × K, rows true, columns predicted, in `classNames` order.
  public var confusion: [[Double]]

  public init(
    source: String, classNames: [String], roc: [Curve], precisionRecall: [Curve],
    calibration: Calibration?, confusion: [[Double]]
  ) {
    self.source = source
    self.classNames = classNames
    self.roc = roc
    self.precisionRecall = precisionRecall
    self.calibration = calibration
    self.confusion = confusion
  }
}

/// The figures, in order; a curve that scikit-learn leaves undefined (one
/// class absent from the rows) is simply not in `input`.
public func evaluationFigures(_ input: EvaluationFigureInput) -> [Figure] {
  var figures: [Figure] = []
  if !input.roc.isEmpty { figures.append(rocFigure(input)) }
  if !input.precisionRecall.isEmpty { figures.append(precisionRecallFigure(input)) }
  if let c = input.calibration {
    figures.append(calibrationFigure(input, c))
    figures.append(probabilityHistogram(input, c))
  }
  figures.append(confusionFigure(input))
  return figures
}

/// A section of index.html holding `figures`, each with its caption.
public func figureSection(id: String, title: String, intro: String, figures: [Figure]) -> PageSection {
  var html = "<p class=\"note\">\(escape(intro))</p>\n"
  for f in figures {
    html += "<figure id=\"\(escape(f.fileName))\">\n" + f.svg
    html += "<figcaption><b>\(escape(f.title)).</b> \(escape(f.caption)) "
      + "<a href=\"\(escape(f.fileName))\">\(escape(f.fileName))</a></figcaption>\n</figure>\n"
  }
  return PageSection(id: id, title: title, html: html)
}

/// Curves beyond this many points are drawn through an evenly spaced
/// subset (first and last kept), so a million-row file gives a small SVG.
let maxCurvePoints = 2000

func thinned(_ x: [Double], _ y: [Double]) -> [(Double, Double)] {
  let n = x.count
  guard n > maxCurvePoints else { return Array(zip(x, y)) }
  return (0..<maxCurvePoints).map { k in
    let i = k * (n - 1) / (maxCurvePoints - 1)
    return (x[i], y[i])
  }
}

/// Dashes that tell the classes' curves apart without colour.
private let dashes: [String?] = [nil, "7 3", "2 3", "9 3 2 3"]

private func curveLines(
  _ plot: inout Plot, _ curves: [EvaluationFigureInput.Curve]
) -> [(label: String, color: String, marker: Plot.Marker)] {
  var legend: [(label: String, color: String, marker: Plot.Marker)] = []
  for (k, c) in curves.enumerated() {
    let color = curves.count == 1 ? Palette.positive : classColors[k % classColors.count]
    let points = thinned(c.x, c.y).map { (plot.x($0.0), plot.y($0.1)) }
    plot.svg.polyline(points, stroke: color, width: 2.5, dash: dashes[k % dashes.count])
    legend.append((c.label, color, .line))
  }
  return legend
}

func rocFigure(_ input: EvaluationFigureInput) -> Figure {
  var plot = Plot(
    width: 520, height: 480, title: "ROC curve", x: (0, 1), y: (0, 1),
    margin: (48, 24, 56, 64))
  plot.axes(xLabel: "false positive rate", yLabel: "true positive rate")
  plot.svg.line(plot.x(0), plot.y(0), plot.x(1), plot.y(1), stroke: Palette.neutral, dash: "4 4")
  var legend = curveLines(&plot, input.roc)
  legend.append(("chance (AUC = 0.5)", Palette.neutral, .line))
  plot.legend(legend, corner: .bottomRight)
  let one = input.roc.count == 1
  return Figure(
    fileName: "roc-curve.svg", title: "ROC curve",
    caption: (one
      ? "True against false positive rate as the threshold on P(\(input.classNames[1])) falls"
      : "One class against the rest, for each class")
      + " on \(input.source), with the area under it (roc_auc_score); the dashed diagonal is "
      + "a model that guesses. The points are sklearn.metrics.roc_curve's.",
    svg: plot.svg.text)
}

func precisionRecallFigure(_ input: EvaluationFigureInput) -> Figure {
  var plot = Plot(
    width: 520, height: 480, title: "Precision–recall curve", x: (0, 1), y: (0, 1.02),
    margin: (48, 24, 56, 64))
  plot.axes(xLabel: "recall", yLabel: "precision")
  let legend = curveLines(&plot, input.precisionRecall)
  plot.legend(legend, corner: .bottomRight)
  // scikit-learn's PrecisionRecallDisplay draws the curve as steps; the
  // points are the same, joined here by straight lines.
  return Figure(
    fileName: "precision-recall.svg", title: "Precision–recall curve",
    caption: "Precision against recall on \(input.source) as the threshold falls "
      + "(sklearn.metrics.precision_recall_curve), with the average precision "
      + "(average_precision_score)"
      + (input.precisionRecall.count > 1 ? ", one class against the rest." : "."),
    svg: plot.svg.text)
}

func calibrationFigure(
  _ input: EvaluationFigureInput, _ c: EvaluationFigureInput.Calibration
) -> Figure {
  var plot = Plot(
    width: 520, height: 480, title: "Calibration curve", x: (0, 1), y: (0, 1),
    margin: (48, 24, 56, 64))
  plot.axes(
    xLabel: "mean predicted P(\(input.classNames[1])) in the bin",
    yLabel: "fraction of \(input.classNames[1]) in the bin")
  plot.svg.line(plot.x(0), plot.y(0), plot.x(1), plot.y(1), stroke: Palette.neutral, dash: "4 4")
  let points = zip(c.meanPredicted, c.fractionPositive).map { (plot.x($0.0), plot.y($0.1)) }
  plot.svg.polyline(points, stroke: Palette.positive, width: 2)
  for (k, p) in points.enumerated() {
    plot.svg.circle(
      p.0, p.1, r: 4.5, fill: Palette.positive,
      title: "mean P \(decimals(c.meanPredicted[k], 4)), fraction positive "
        + decimals(c.fractionPositive[k], 4))
  }
  plot.legend(
    [("the model", Palette.positive, .circle), ("perfectly calibrated", Palette.neutral, .line)],
    corner: .topLeft)
  let bins = c.edges.count - 1
  return Figure(
    fileName: "calibration.svg", title: "Calibration curve",
    caption: "\(bins) equal bins of P(\(input.classNames[1])) on \(input.source): in each "
      + "non-empty bin, the fraction of rows that are \(input.classNames[1]) against the "
      + "mean predicted probability (sklearn.calibration.calibration_curve, "
      + "strategy=\"uniform\", n_bins=\(bins); every row counts once, as there). A calibrated "
      + "model sits on the dashed diagonal.",
    svg: plot.svg.text)
}

func probabilityHistogram(
  _ input: EvaluationFigureInput, _ c: EvaluationFigureInput.Calibration
) -> Figure {
  // At least 0–5, so a few rows get whole-number ticks rather than 0.5 steps.
  let top = max(5, Double(c.counts.max() ?? 1) * 1.15)
  var plot = Plot(
    width: 520, height: 300, title: "Predicted probabilities", x: (0, 1), y: (0, top),
    margin: (56, 24, 56, 64))
  plot.axes(xLabel: "predicted P(\(input.classNames[1]))", yLabel: "rows")
  for b in 0..<(c.edges.count - 1) {
    let x0 = plot.x(c.edges[b]) + 1, x1 = plot.x(c.edges[b + 1]) - 1
    let pos = Double(c.positiveCounts[b]), all = Double(c.counts[b])
    plot.svg.rect(
      x0, plot.y(pos), x1 - x0, plot.y(0) - plot.y(pos), fill: Palette.positive,
      title: "\(c.positiveCounts[b]) \(input.classNames[1])")
    plot.svg.rect(
      x0, plot.y(all), x1 - x0, plot.y(pos) - plot.y(all), fill: Palette.negative,
      opacity: 0.75, title: "\(c.counts[b] - c.positiveCounts[b]) \(input.classNames[0])")
  }
  plot.legend(
    [
      ("\(input.classNames[1]) (positive)", Palette.positive, .bar),
      ("\(input.classNames[0]) (negative)", Palette.negative, .bar),
    ], corner: .above)
  return Figure(
    fileName: "probability-histogram.svg", title: "Predicted probabilities",
    caption: "How many rows of \(input.source) fall in each bin of the calibration curve, "
      + "stacked by true class: a confident model puts its rows near 0 and 1.",
    svg: plot.svg.text)
}

func confusionFigure(_ input: EvaluationFigureInput) -> Figure {
  let k = input.classNames.count
  let cell = k <= 4 ? 90.0 : max(36, 360 / Double(k))
  let longest = Double(input.classNames.map(\.count).max() ?? 1)
  let left = 48 + min(longest, 16) * 7, top = 72.0
  let width = left + cell * Double(k) + 32, height = top + cell * Double(k) + 24
  var svg = SVG(width: width, height: height)
  svg.text("Confusion matrix", x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
  let largest = input.confusion.flatMap { $0 }.max() ?? 0
  let whole = input.confusion.flatMap { $0 }.allSatisfy { $0 == $0.rounded() }
  for (i, row) in input.confusion.enumerated() {
    for (j, v) in row.enumerated() {
      let shade = largest > 0 ? v / largest : 0
      let x = left + cell * Double(j), y = top + cell * Double(i)
      svg.rect(
        x, y, cell, cell, fill: Palette.positive, stroke: "#BBBBBB",
        opacity: 0.08 + 0.92 * shade,
        title: "true \(input.classNames[i]), predicted \(input.classNames[j])")
      svg.text(
        whole ? decimals(v, 0) : decimals(v, 2), x: x + cell / 2, y: y + cell / 2 + 5,
        anchor: .middle, size: k <= 4 ? 16 : 12, weight: i == j ? "bold" : nil,
        fill: shade > 0.55 ? "white" : "#222")
    }
    let name = String(input.classNames[i].prefix(16))
    svg.text(name, x: left - 8, y: top + cell * (Double(i) + 0.5) + 4, anchor: .end, size: 12)
  }
  for (j, n) in input.classNames.enumerated() {
    svg.text(
      String(n.prefix(16)), x: left + cell * (Double(j) + 0.5), y: top - 8, anchor: .middle,
      size: 12)
  }
  svg.text("predicted class", x: left + cell * Double(k) / 2, y: top - 30, anchor: .middle, size: 12)
  svg.text(
    "true class", x: 22, y: top + cell * Double(k) / 2, anchor: .middle, size: 12, rotate: -90)
  return Figure(
    fileName: "confusion-matrix.svg", title: "Confusion matrix",
    caption: "Rows of \(input.source) by true class (rows) and predicted class (columns), in "
      + "the model's class order (sklearn.metrics.confusion_matrix"
      + (whole ? ")" : ", sample weights summed)") + "; darker cells hold more rows, the "
      + "diagonal (bold) is right.",
    svg: svg.text)
}

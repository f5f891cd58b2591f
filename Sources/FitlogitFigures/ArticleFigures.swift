import FitlogitSystem

/// What the article's pictures need from a fitted binary model.
public struct ArticleFigureInput: Sendable {
  /// The single feature's values, or nil with several features (the
  /// figures that need an x axis are then left out).
  public var x: [Double]?
  /// 0 or 1 per point; 1 is the positive class (the article's green).
  public var labels: [Int]
  /// Names of class 0 and class 1.
  public var classNames: [String]
  public var featureName: String
  /// P(class 1) per point, from the fitted model.
  public var probabilities: [Double]
  /// The sigmoid's coefficient and intercept (one feature).
  public var coef: Double?
  public var intercept: Double?
  public var logLoss: Double
  /// Objective and max |gradient| per iteration, one entry per solver.
  public var traces: [Trace]

  /// One solver's path, for the convergence figure.
  public struct Trace: Sendable {
    public var name: String
    public var objective: [Double]
    public var gradientMaxAbs: [Double]
    public init(name: String, objective: [Double], gradientMaxAbs: [Double]) {
      self.name = name
      self.objective = objective
      self.gradientMaxAbs = gradientMaxAbs
    }
  }

  public init(
    x: [Double]?, labels: [Int], classNames: [String], featureName: String,
    probabilities: [Double], coef: Double?, intercept: Double?, logLoss: Double,
    traces: [Trace]
  ) {
    precondition(labels.count == probabilities.count && classNames.count == 2)
    self.x = x
    self.labels = labels
    self.classNames = classNames
    self.featureName = featureName
    self.probabilities = probabilities
    self.coef = coef
    self.intercept = intercept
    self.logLoss = logLoss
    self.traces = traces
  }

  /// The probability the model gives each point's own class (figure 6).
  public var trueClassProbabilities: [Double] {
    zip(labels, probabilities).map { $0 == 1 ? $1 : 1 - $1 }
  }

  /// −log p(true class) per point (figure 10); ε-clipped as log_loss is.
  public var pointLosses: [Double] {
    trueClassProbabilities.map { -libmLog(min(max($0, 2.220446049250313e-16), 1)) }
  }
}

/// One figure: a file name, a caption for the report, and the SVG text.
public struct Figure: Sendable {
  public var fileName: String
  public var title: String
  public var caption: String
  public var svg: String
}

/// The article's figures, drawn from the fitted model, in its order.
public func articleFigures(_ input: ArticleFigureInput) -> [Figure] {
  var figures: [Figure] = []
  if let x = input.x {
    figures.append(dataOnALine(input, x))
    figures.append(splitByClass(input, x))
    if input.coef != nil && input.intercept != nil {
      figures.append(fittedSigmoid(input, x))
      figures.append(probabilityBars(input, x))
    }
  }
  figures.append(sortedProbabilities(input))
  figures.append(negativeLogCurve(input))
  figures.append(lossesAndMean(input))
  figures.append(entropyAndCrossEntropy(input))
  if !input.traces.isEmpty { figures.append(convergence(input)) }
  return figures
}

// MARK: - Helpers

private func padded(_ values: [Double], fraction: Double = 0.08) -> (Double, Double) {
  let lo = values.min() ?? 0
  let hi = values.max() ?? 1
  let pad = hi > lo ? (hi - lo) * fraction : 1
  return (lo - pad, hi + pad)
}

/// The one x range of figures 1–4, so the same point sits at the same
/// place in each (wide enough for the sigmoid's tails).
func xDomain(_ x: [Double]) -> (Double, Double) { padded(x, fraction: 0.12) }

private func sigmoid(_ r: Double) -> Double { 1 / (1 + libmExp(-r)) }

private func pointTitle(_ input: ArticleFigureInput, _ i: Int, x: Double?) -> String {
  let name = input.classNames[input.labels[i]]
  let where_ = x.map { "\(input.featureName) = \(decimals($0, 3)), " } ?? ""
  return "point \(i + 1): \(where_)class \(name)"
}

private func classLegend(_ input: ArticleFigureInput) -> [(label: String, color: String, marker: Plot.Marker)] {
  [
    ("\(input.classNames[1]) (positive)", Palette.positive, .circle),
    ("\(input.classNames[0]) (negative)", Palette.negative, .diamond),
  ]
}

private func classBars(_ input: ArticleFigureInput) -> [(label: String, color: String, marker: Plot.Marker)] {
  [(input.classNames[1], Palette.positive, .bar), (input.classNames[0], Palette.negative, .bar)]
}

private func color(_ label: Int) -> String { label == 1 ? Palette.positive : Palette.negative }

/// What a histogram caption says about the binning.
private func binned(_ n: Int, _ bins: Bins, _ input: ArticleFigureInput) -> String {
  "\(grouped(n)) points are too many to draw one by one: the number of points in each of "
    + "\(bins.count) equal bins of \(input.featureName)"
}

/// What a sampled figure's caption says.
private func sampled(_ n: Int, _ shown: Int) -> String {
  " With \(grouped(n)) points, \(shown) are drawn: the middle point of each of \(shown) equal "
    + "slices of the sorted points."
}

// MARK: - Figures 1–4: the data and the fitted sigmoid

func dataOnALine(_ input: ArticleFigureInput, _ x: [Double]) -> Figure {
  if x.count > manyPoints { return dataHistogram(input, x) }
  var plot = Plot(height: 200, title: "The data: one feature, two classes", x: xDomain(x), y: (-1, 1))
  plot.axes(xLabel: input.featureName, yLabel: "", yTicks: false, grid: false)
  let py = plot.y(0)
  plot.svg.line(plot.left, py, plot.right, py, stroke: Palette.light, width: 2)
  for (i, v) in x.enumerated() {
    plot.point(plot.x(v), py, positive: input.labels[i] == 1, title: pointTitle(input, i, x: v))
  }
  plot.legend(classLegend(input))
  return Figure(
    fileName: "1-data.svg", title: "The data",
    caption: "\(x.count) points on the \(input.featureName) axis, coloured (and shaped) by "
      + "class: the article's figure 1.",
    svg: plot.svg.text)
}

/// Figure 1 for many points: a histogram of x, stacked by class.
private func dataHistogram(_ input: ArticleFigureInput, _ x: [Double]) -> Figure {
  let bins = Bins(x)
  let counts = bins.counts(x, labels: input.labels)
  let top = Double(max(1, (0..<bins.count).map { counts[0][$0] + counts[1][$0] }.max() ?? 1)) * 1.15
  var plot = Plot(height: 260, title: "The data: one feature, two classes", x: xDomain(x), y: (0, top))
  plot.axes(xLabel: input.featureName, yLabel: "points")
  for k in 0..<bins.count {
    var base = 0.0
    for label in [0, 1] where counts[label][k] > 0 {
      let c = Double(counts[label][k])
      let x0 = plot.x(bins.lower(k)), x1 = plot.x(bins.upper(k))
      plot.svg.rect(
        x0, plot.y(base + c), x1 - x0, plot.y(base) - plot.y(base + c), fill: color(label),
        opacity: 0.85,
        title: "\(counts[label][k]) points of class \(input.classNames[label]) with "
          + "\(input.featureName) in [\(decimals(bins.lower(k), 3)), \(decimals(bins.upper(k), 3))]")
      base += c
    }
  }
  plot.legend(classBars(input), corner: .topRight)
  return Figure(
    fileName: "1-data.svg", title: "The data",
    caption: binned(x.count, bins, input) + ", stacked by class (the article's figure 1).",
    svg: plot.svg.text)
}

func splitByClass(_ input: ArticleFigureInput, _ x: [Double]) -> Figure {
  var plot = Plot(height: 240, title: "Split by class", x: xDomain(x), y: (-0.6, 1.6))
  plot.axes(xLabel: input.featureName, yLabel: "", yTicks: false, grid: false)
  for row in 0...1 {
    let py = plot.y(Double(row))
    plot.svg.line(plot.left, py, plot.right, py, stroke: Palette.light, width: 2)
    plot.svg.text(
      input.classNames[row], x: plot.right - 4, y: py - 10, anchor: .end, size: 12,
      fill: color(row))
  }
  let many = x.count > manyPoints
  let bins = Bins(x)
  if many {
    // One histogram per row, on a common scale: a bin's bar is 0.8 rows
    // high for the fullest bin of either class.
    classHistograms(&plot, input, x, bins, opacity: 0.85) { label, h in
      (Double(label) - 0.4, Double(label) - 0.4 + 0.8 * h)
    }
  } else {
    classPoints(&plot, input, x)
  }
  return Figure(
    fileName: "2-split.svg", title: "Split by class",
    caption: many
      ? binned(x.count, bins, input) + ", one row per class, on one scale (figure 2)."
      : "The same points, one row per class (figure 2).",
    svg: plot.svg.text)
}

/// One histogram per class, both on the scale of the fullest bin of either
/// class: `span(label, h)` places a bar of relative height `h` (0...1) as the
/// (low, high) interval on the y axis, which is all figures 2 and 3 differ in.
private func classHistograms(
  _ plot: inout Plot, _ input: ArticleFigureInput, _ x: [Double], _ bins: Bins, opacity: Double,
  span: (_ label: Int, _ h: Double) -> (Double, Double)
) {
  let counts = bins.counts(x, labels: input.labels)
  let most = Double(max(1, counts.flatMap { $0 }.max() ?? 1))
  for label in [0, 1] {
    for k in 0..<bins.count where counts[label][k] > 0 {
      let (lo, hi) = span(label, Double(counts[label][k]) / most)
      let x0 = plot.x(bins.lower(k)), x1 = plot.x(bins.upper(k))
      plot.svg.rect(
        x0, plot.y(hi), x1 - x0, plot.y(lo) - plot.y(hi), fill: color(label), opacity: opacity,
        title: "\(counts[label][k]) points of class \(input.classNames[label])")
    }
  }
}

/// Each point at the height of its class (0 or 1), shaped by class.
private func classPoints(_ plot: inout Plot, _ input: ArticleFigureInput, _ x: [Double]) {
  for (i, v) in x.enumerated() {
    let label = input.labels[i]
    plot.point(plot.x(v), plot.y(Double(label)), positive: label == 1, title: pointTitle(input, i, x: v))
  }
}

func fittedSigmoid(_ input: ArticleFigureInput, _ x: [Double]) -> Figure {
  let domain = xDomain(x)
  var plot = Plot(title: "The fitted sigmoid: P(\(input.classNames[1]) | \(input.featureName))", x: domain, y: (0, 1))
  plot.axes(xLabel: input.featureName, yLabel: "probability of \(input.classNames[1])")
  drawSigmoid(&plot, input, domain)
  let many = x.count > manyPoints
  let bins = Bins(x)
  if many {
    // The classes as histograms: class 1 hanging from P = 1, class 0
    // standing on P = 0, the fullest bin a quarter of the height.
    classHistograms(&plot, input, x, bins, opacity: 0.5) { label, h in
      label == 1 ? (1 - 0.25 * h, 1.0) : (0, 0.25 * h)
    }
    plot.legend(classBars(input) + [("sigmoid", Palette.neutral, .line)])
  } else {
    classPoints(&plot, input, x)
    plot.legend(classLegend(input) + [("sigmoid", Palette.neutral, .line)])
  }
  let b = input.intercept!, w = input.coef!
  return Figure(
    fileName: "3-sigmoid.svg", title: "The fitted sigmoid",
    caption: "σ(\(decimals(w, 4))·\(input.featureName) + \(decimals(b, 4))): for any "
      + "\(input.featureName), the probability of \(input.classNames[1]) (figure 3)."
      + (many
        ? " " + binned(x.count, bins, input) + ", class \(input.classNames[1]) hanging from "
          + "the top, class \(input.classNames[0]) standing on the bottom."
        : ""),
    svg: plot.svg.text)
}

private func drawSigmoid(_ plot: inout Plot, _ input: ArticleFigureInput, _ domain: (Double, Double)) {
  let w = input.coef!, b = input.intercept!
  let points = (0...200).map { k -> (Double, Double) in
    let v = domain.0 + (domain.1 - domain.0) * Double(k) / 200
    return (plot.x(v), plot.y(sigmoid(w * v + b)))
  }
  plot.svg.polyline(points, stroke: Palette.neutral, width: 2)
}

func probabilityBars(_ input: ArticleFigureInput, _ x: [Double]) -> Figure {
  let domain = xDomain(x)
  var plot = Plot(
    height: 380, title: "Probability of each point's own class", x: domain, y: (0, 1),
    margin: (68, 24, 52, 64))
  plot.axes(xLabel: input.featureName, yLabel: "probability")
  drawSigmoid(&plot, input, domain)
  let own = input.trueClassProbabilities
  let many = x.count > manyPoints
  let bins = Bins(x)
  /// A bar of the probability of the true class: positives stand under
  /// the sigmoid (0 up to p), negatives hang over it (p up to 1).
  func bar(_ px: Double, _ width: Double, _ label: Int, _ p: Double, _ title: String) {
    if label == 1 {
      plot.svg.rect(px, plot.y(p), width, plot.y(0) - plot.y(p), fill: Palette.positive, opacity: 0.85, title: title)
    } else {
      plot.svg.rect(px, plot.y(1), width, plot.y(p) - plot.y(1), fill: Palette.negative, opacity: 0.85, title: title)
    }
  }
  if many {
    // Per bin and class, one bar at the class's mean P(class 1) in the
    // bin: class 1 in the bin's left half, class 0 in its right half.
    var sums = [[Double]](repeating: [Double](repeating: 0, count: bins.count), count: 2)
    let counts = bins.counts(x, labels: input.labels)
    for (i, v) in x.enumerated() { sums[input.labels[i]][bins.index(v)] += input.probabilities[i] }
    for k in 0..<bins.count {
      let x0 = plot.x(bins.lower(k)), x1 = plot.x(bins.upper(k))
      for label in [1, 0] where counts[label][k] > 0 {
        let p = sums[label][k] / Double(counts[label][k])
        let ownMean = label == 1 ? p : 1 - p
        bar(
          label == 1 ? x0 : (x0 + x1) / 2, (x1 - x0) / 2, label, p,
          "\(counts[label][k]) points of class \(input.classNames[label]), mean probability of "
            + "their class \(decimals(ownMean, 4))")
      }
    }
  } else {
    let barWidth = max(6, min(18, (plot.right - plot.left) / Double(x.count) * 0.5))
    for (i, v) in x.enumerated() {
      bar(
        plot.x(v) - barWidth / 2, barWidth, input.labels[i], input.probabilities[i],
        pointTitle(input, i, x: v) + ", p = \(decimals(own[i], 4))")
    }
  }
  plot.legend(
    [
      ("P(\(input.classNames[1])), under the curve", Palette.positive, .bar),
      ("P(\(input.classNames[0])) = 1 − P, hanging over it", Palette.negative, .bar),
    ], corner: .above)
  return Figure(
    fileName: "4-probabilities.svg", title: "Probabilities of the true class",
    caption: "Bars under the sigmoid are the probability the model gives a "
      + "\(input.classNames[1]) point of being \(input.classNames[1]); bars hanging from the "
      + "top, 1 − P, what it gives a \(input.classNames[0]) point of being "
      + "\(input.classNames[0]) (figures 4–6)."
      + (many
        ? " \(grouped(x.count)) points are too many for one bar each: per bin of "
          + "\(input.featureName) (\(bins.count) equal bins) and class, one bar at the class's "
          + "mean probability in the bin."
        : ""),
    svg: plot.svg.text)
}

// MARK: - Figures 7–10: from probabilities to the loss

func sortedProbabilities(_ input: ArticleFigureInput) -> Figure {
  let p = input.trueClassProbabilities
  let order = sortedOrder(p)
  let ranks = evenlySpacedRanks(p.count, slots: manyPoints)
  var plot = Plot(title: "All probabilities of the true class, side by side", x: (0, Double(ranks.count)), y: (0, 1))
  plot.axes(xLabel: "points, sorted by probability", yLabel: "probability of the true class", xTicks: false)
  let slot = (plot.right - plot.left) / Double(ranks.count)
  for (k, rank) in ranks.enumerated() {
    let i = order[rank]
    plot.svg.rect(
      plot.left + slot * (Double(k) + 0.15), plot.y(p[i]), slot * 0.7, plot.y(0) - plot.y(p[i]),
      fill: color(input.labels[i]), opacity: 0.85,
      title: pointTitle(input, i, x: input.x?[i]) + ", p = \(decimals(p[i], 4))")
  }
  plot.legend(classBars(input))
  return Figure(
    fileName: "5-sorted.svg", title: "Probabilities side by side",
    caption: "Without x, only the probabilities matter: each point's probability of its own "
      + "class, sorted (figures 7–8)."
      + (ranks.count < p.count ? sampled(p.count, ranks.count) : ""),
    svg: plot.svg.text)
}

func negativeLogCurve(_ input: ArticleFigureInput) -> Figure {
  let losses = input.pointLosses
  let top = max(5, (losses.max() ?? 1) * 1.1)
  var plot = Plot(title: "The loss of a probability: −log(p)", x: (0, 1), y: (0, top))
  plot.axes(xLabel: "probability of the true class p", yLabel: "loss −log(p)")
  var curve: [(Double, Double)] = []
  for k in 1...400 {
    let p = Double(k) / 400
    let l = -libmLog(p)
    if l <= top { curve.append((plot.x(p), plot.y(l))) }
  }
  plot.svg.polyline(curve, stroke: Palette.neutral, width: 2)
  let p = input.trueClassProbabilities
  let order = sortedOrder(p)
  let ranks = evenlySpacedRanks(p.count, slots: manyPoints)
  for rank in ranks {
    let i = order[rank]
    plot.point(
      plot.x(p[i]), plot.y(losses[i]), positive: input.labels[i] == 1,
      title: pointTitle(input, i, x: input.x?[i]) + ", p = \(decimals(p[i], 4)), loss = \(decimals(losses[i], 4))")
  }
  // Top right: the curve is near 0 there, so the legend covers nothing.
  plot.legend(classLegend(input) + [("−log(p)", Palette.neutral, .line)], corner: .topRight)
  return Figure(
    fileName: "6-neglog.svg", title: "−log(p)",
    caption: "Confident right answers cost almost nothing; as the probability of the true class "
      + "goes to 0 the loss grows without bound (figure 9)."
      + (ranks.count < p.count ? sampled(p.count, ranks.count) : ""),
    svg: plot.svg.text)
}

func lossesAndMean(_ input: ArticleFigureInput) -> Figure {
  let losses = input.pointLosses
  let p = input.trueClassProbabilities
  let order = sortedOrder(p)
  let ranks = evenlySpacedRanks(p.count, slots: manyPoints)
  let top = max((losses.max() ?? 1) * 1.15, input.logLoss * 1.5)
  var plot = Plot(title: "The loss of each point, and their mean", x: (0, Double(ranks.count)), y: (0, top))
  plot.axes(xLabel: "points, sorted by probability", yLabel: "loss −log(p)", xTicks: false)
  let slot = (plot.right - plot.left) / Double(ranks.count)
  for (k, rank) in ranks.enumerated() {
    let i = order[rank]
    plot.svg.rect(
      plot.left + slot * (Double(k) + 0.15), plot.y(losses[i]), slot * 0.7,
      plot.y(0) - plot.y(losses[i]),
      fill: color(input.labels[i]), opacity: 0.85,
      title: pointTitle(input, i, x: input.x?[i]) + ", loss = \(decimals(losses[i], 4))")
  }
  let mean = plot.y(input.logLoss)
  plot.svg.line(plot.left, mean, plot.right, mean, stroke: "#000", width: 2, dash: "6 4")
  plot.svg.text(
    "log loss = mean = \(decimals(input.logLoss, 4))", x: plot.right - 6, y: mean - 7,
    anchor: .end, size: 13, weight: "bold")
  plot.legend(classBars(input), corner: .topRight)
  return Figure(
    fileName: "7-losses.svg", title: "Losses and log loss",
    caption: "−log of each probability of figure 5; their mean is the binary cross-entropy / "
      + "log loss, \(decimals(input.logLoss, 4)) (figure 10)."
      + (ranks.count < p.count
        ? sampled(p.count, ranks.count) + " The mean is over all \(grouped(p.count))." : ""),
    svg: plot.svg.text)
}

// MARK: - Figures 11+: entropy, cross-entropy, KL

func entropyAndCrossEntropy(_ input: ArticleFigureInput) -> Figure {
  let n = Double(input.labels.count)
  let q1 = Double(input.labels.filter { $0 == 1 }.count) / n
  let q = [1 - q1, q1]
  let pBar1 = input.probabilities.reduce(0, +) / n
  let pBar = [1 - pBar1, pBar1]
  let h = -q.filter { $0 > 0 }.map { $0 * libmLog($0) }.reduce(0, +)
  let hqp = -zip(q, pBar).filter { $0.0 > 0 }.map { $0.0 * libmLog($0.1) }.reduce(0, +)
  let kl = hqp - h
  var svg = SVG(width: 640, height: 360)
  svg.text("Entropy, cross-entropy and KL divergence", x: 320, y: 24, anchor: .middle, size: 15, weight: "bold")
  // Left panel: q(y).
  var left = Plot(width: 640, height: 360, title: "", x: (0, 2), y: (0, 1), margin: (60, 360, 70, 64))
  left.svg = svg
  left.axes(xLabel: "q(y): the labels' distribution", yLabel: "share of points", xTicks: false)
  for k in 0...1 {
    let px = left.x(Double(k) + 0.2)
    let w = left.x(Double(k) + 0.8) - px
    left.svg.rect(px, left.y(q[k]), w, left.y(0) - left.y(q[k]), fill: k == 1 ? Palette.positive : Palette.negative, opacity: 0.85)
    left.svg.text(input.classNames[k], x: px + w / 2, y: left.bottom + 16, anchor: .middle, size: 12)
    left.svg.text(decimals(q[k], 2), x: px + w / 2, y: left.y(q[k]) - 5, anchor: .middle, size: 12)
  }
  svg = left.svg
  // Right panel: the three numbers, as bars.
  let values = [("H(q)", h, Palette.neutral), ("H(q, p̄)", hqp, Palette.second), ("log loss", input.logLoss, Palette.accent)]
  let top = max(values.map(\.1).max() ?? 1, 0.1) * 1.25
  var right = Plot(width: 640, height: 360, title: "", x: (0, 3), y: (0, top), margin: (60, 24, 70, 370))
  right.svg = svg
  right.axes(xLabel: "nats", yLabel: "", xTicks: false)
  for (k, v) in values.enumerated() {
    let px = right.x(Double(k) + 0.2)
    let w = right.x(Double(k) + 0.8) - px
    right.svg.rect(px, right.y(v.1), w, right.y(0) - right.y(v.1), fill: v.2, opacity: 0.85)
    right.svg.text(v.0, x: px + w / 2, y: right.bottom + 16, anchor: .middle, size: 12)
    right.svg.text(decimals(v.1, 4), x: px + w / 2, y: right.y(v.1) - 5, anchor: .middle, size: 12)
  }
  right.svg.text(
    "H(q) = \(decimals(h, 4)) nats = \(decimals(h / 0.6931471805599453, 4)) bits; "
      + "KL(q‖p̄) = H(q, p̄) − H(q) = \(decimals(max(kl, 0), 4))"
      + (kl < 5e-5 ? " (with an intercept, p̄ ≈ q)" : ""),
    x: 320, y: 346, anchor: .middle, size: 12)
  return Figure(
    fileName: "8-entropy.svg", title: "Entropy and cross-entropy",
    caption: "q(y), the share of each class, has entropy H(q) = \(decimals(h, 4)) nats: the "
      + "loss of always predicting the base rate. Predicting the model's average p̄ costs "
      + "H(q, p̄) = H(q) + KL(q‖p̄); using each point's own x brings the cross-entropy down to "
      + "the log loss, \(decimals(input.logLoss, 4)) (figures 11 and after).",
    svg: right.svg.text)
}

// MARK: - Convergence

func convergence(_ input: ArticleFigureInput) -> Figure { convergence(traces: input.traces) }

/// Figure 9 from the solvers' traces alone (any number of classes).
func convergence(traces: [ArticleFigureInput.Trace]) -> Figure {
  let best = traces.flatMap(\.objective).min() ?? 0
  // The best value itself has a gap of 0, which a log axis cannot show:
  // each line stops at its last positive gap.
  let gaps = traces.map { t in
    Array(t.objective.map { $0 - best }.prefix { $0 > 0 })
  }
  let grads = traces.map { $0.gradientMaxAbs.map { max($0, 1e-16) } }
  let maxIter = Double(max(1, traces.map { $0.objective.count - 1 }.max() ?? 1))
  let colors = [Palette.positive, Palette.negative, Palette.accent, Palette.second]
  var svg = SVG(width: 760, height: 380)
  svg.text("Convergence: objective and gradient per iteration", x: 380, y: 24, anchor: .middle, size: 15, weight: "bold")
  func panel(_ series: [[Double]], _ label: String, _ margin: (Double, Double, Double, Double)) {
    let lo = max(series.flatMap { $0 }.filter { $0 > 0 }.min() ?? 1e-16, 1e-16)
    let hi = max(series.flatMap { $0 }.max() ?? 1, lo * 10)
    var plot = Plot(width: 760, height: 380, title: "", x: (0, maxIter), y: (pow10(Int(libmFloor(libmLog10(lo)))), pow10(Int(libmCeil(libmLog10(hi))))), yLog: true, margin: margin)
    plot.svg = svg
    plot.axes(xLabel: "iteration", yLabel: label)
    for (k, s) in series.enumerated() {
      plot.svg.polyline(
        s.enumerated().map { (plot.x(Double($0.offset)), plot.y($0.element)) },
        stroke: colors[k % colors.count], width: 2, dash: k == 0 ? nil : "6 3")
    }
    svg = plot.svg
  }
  panel(gaps, "objective − best (log)", (48, 400, 56, 64))
  panel(grads, "max |gradient| (log)", (48, 24, 56, 440))
  var legend = Plot(width: 760, height: 380, title: "", x: (0, 1), y: (0, 1), margin: (48, 24, 56, 440))
  legend.svg = svg
  legend.legend(
    traces.enumerated().map { (k, t) in
      ("\(t.name): \(t.objective.count - 1) iterations", colors[k % colors.count], .line)
    }, corner: .topRight)
  return Figure(
    fileName: "9-convergence.svg", title: "Convergence",
    caption: "How far each solver is from the best objective value found, and its largest "
      + "gradient component, per iteration (log scales)"
      + (traces.map(\.name) == ["L-BFGS", "gradient descent"]
        ? ": L-BFGS gets there in a handful of steps, gradient descent in many."
        : ": " + traces.map(\.name).joined(separator: " and ") + "."),
    svg: legend.svg.text)
}

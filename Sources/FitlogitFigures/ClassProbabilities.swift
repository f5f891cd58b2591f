import FitlogitSystem

/// What the page shows for more than two classes: each point's
/// probabilities of every class, the −log of its own class's, their mean
/// (the categorical cross-entropy), and the solvers' convergence.
public struct ClassProbabilityInput: Sendable {
  public var title: String
  public var summary: [String]
  public var labels: [Int]
  public var classNames: [String]
  /// Row-major n × K, rows summing to 1.
  public var probabilities: [Double]
  public var logLoss: Double
  public var objective: Double
  public var traces: [ArticleFigureInput.Trace]

  public init(
    title: String, summary: [String], labels: [Int], classNames: [String],
    probabilities: [Double], logLoss: Double, objective: Double,
    traces: [ArticleFigureInput.Trace]
  ) {
    precondition(probabilities.count == labels.count * classNames.count)
    self.title = title
    self.summary = summary
    self.labels = labels
    self.classNames = classNames
    self.probabilities = probabilities
    self.logLoss = logLoss
    self.objective = objective
    self.traces = traces
  }

  var classCount: Int { classNames.count }
  func p(_ i: Int, _ k: Int) -> Double { probabilities[i * classCount + k] }
  /// −log of the probability of the point's own class, ε-clipped.
  func loss(_ i: Int) -> Double {
    -libmLog(min(max(p(i, labels[i]), 2.220446049250313e-16), 1 - 2.220446049250313e-16))
  }
}

/// Okabe–Ito colours, one per class, repeating after eight.
let classColors = [
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
]

/// The figures of a K-class fit, in order.
public func classProbabilityFigures(_ input: ClassProbabilityInput) -> [Figure] {
  var figures = [perClassProbabilities(input), classLosses(input)]
  if !input.traces.isEmpty {
    var c = convergence(traces: input.traces)
    c.fileName = "3-convergence.svg"
    figures.append(c)
  }
  return figures
}

/// One stacked bar per point, sorted by the probability of its own class:
/// that class's share at the bottom, at full strength; the other classes'
/// above it, pale. The bottom segments are what the loss takes −log of.
func perClassProbabilities(_ input: ClassProbabilityInput) -> Figure {
  let n = input.labels.count
  let own = (0..<n).map { input.p($0, input.labels[$0]) }
  let order = sortedOrder(own)
  let ranks = evenlySpacedRanks(n, slots: manyPoints)
  var plot = Plot(
    height: 380, title: "Each point's probability of every class", x: (0, Double(ranks.count)),
    y: (0, 1), margin: (68, 24, 52, 64))
  plot.axes(xLabel: "points, sorted by the probability of their own class",
    yLabel: "probability", xTicks: false)
  let slot = (plot.right - plot.left) / Double(ranks.count)
  for (k, rank) in ranks.enumerated() {
    let i = order[rank]
    let y = input.labels[i]
    var base = 0.0
    for c in [y] + (0..<input.classCount).filter({ $0 != y }) {
      let v = input.p(i, c)
      plot.svg.rect(
        plot.left + slot * (Double(k) + 0.1), plot.y(base + v), slot * 0.8,
        plot.y(base) - plot.y(base + v), fill: classColors[c % classColors.count],
        opacity: c == y ? 0.9 : 0.3,
        title: "point \(i + 1), class \(input.classNames[y]): P(\(input.classNames[c])) = "
          + decimals(v, 4))
      base += v
    }
  }
  plot.legend(
    input.classNames.enumerated().map { ("class \($0.element)", classColors[$0.offset % classColors.count], .bar) },
    corner: .above)
  return Figure(
    fileName: "1-class-probabilities.svg", title: "Probabilities of every class",
    caption: "Each point's probabilities of the \(input.classCount) classes, stacked: its own "
      + "class at the bottom, in full colour, the others pale above it; sorted by the probability "
      + "of its own class, the only one the loss looks at."
      + (ranks.count < n
        ? " With \(grouped(n)) points, \(ranks.count) are drawn: the middle point of each of "
          + "\(ranks.count) equal slices of the sorted points."
        : ""),
    svg: plot.svg.text)
}

/// −log p(own class) per point, sorted, and their mean.
func classLosses(_ input: ClassProbabilityInput) -> Figure {
  let n = input.labels.count
  let own = (0..<n).map { input.p($0, input.labels[$0]) }
  let losses = (0..<n).map(input.loss)
  let order = sortedOrder(own)
  let ranks = evenlySpacedRanks(n, slots: manyPoints)
  let top = max((losses.max() ?? 1) * 1.15, input.logLoss * 1.5, 0.1)
  var plot = Plot(
    title: "The loss of each point, and their mean", x: (0, Double(ranks.count)), y: (0, top),
    margin: (68, 24, 52, 64))
  plot.axes(xLabel: "points, sorted by the probability of their own class",
    yLabel: "loss −log p", xTicks: false)
  let slot = (plot.right - plot.left) / Double(ranks.count)
  for (k, rank) in ranks.enumerated() {
    let i = order[rank]
    plot.svg.rect(
      plot.left + slot * (Double(k) + 0.15), plot.y(losses[i]), slot * 0.7,
      plot.y(0) - plot.y(losses[i]), fill: classColors[input.labels[i] % classColors.count],
      opacity: 0.85,
      title: "point \(i + 1), class \(input.classNames[input.labels[i]]): loss = "
        + decimals(losses[i], 4))
  }
  let mean = plot.y(input.logLoss)
  plot.svg.line(plot.left, mean, plot.right, mean, stroke: "#000", width: 2, dash: "6 4")
  plot.svg.text(
    "log loss = mean = \(decimals(input.logLoss, 4))", x: plot.right - 6, y: mean - 7,
    anchor: .end, size: 13, weight: "bold")
  plot.legend(
    input.classNames.enumerated().map { ("class \($0.element)", classColors[$0.offset % classColors.count], .bar) },
    corner: .above)
  return Figure(
    fileName: "2-class-losses.svg", title: "Losses and log loss",
    caption: "−log of each point's probability of its own class; their mean is the categorical "
      + "cross-entropy / log loss, \(decimals(input.logLoss, 4))."
      + (ranks.count < n
        ? " \(ranks.count) of \(grouped(n)) points drawn; the mean is over all of them." : ""),
    svg: plot.svg.text)
}

/// The page for K > 2 classes: the fit's numbers, the formula, the first
/// points' probabilities, then the figures. No script: nothing moves.
public func classProbabilityPage(
  _ input: ClassProbabilityInput, figures: [Figure], extraSections: [PageSection] = []
) -> String {
  let readout = """
    <p class="readout">log loss <output id="log-loss" data-value="\(input.logLoss)">\
    \(decimals(input.logLoss, 4))</output> · objective <output id="objective" \
    data-value="\(input.objective)">\(decimals(input.objective, 6))</output></p>
    <p>With \(input.classCount) classes the model gives each point a probability of every \
    class (the softmax of one margin per class); the loss looks only at the probability of the \
    point's own class.</p>

    """
  let sub = { (v: String, i: String) in "<msub><mi>\(v)</mi><mrow>\(i)</mrow></msub>" }
  let formula = """
    <math display="block"><mrow><mi>L</mi><mo>=</mo><mo>−</mo><mfrac><mn>1</mn><mi>N</mi>\
    </mfrac><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi>\
    </munderover><mi>log</mi>\(sub("p", "<mi>i</mi><mo>,</mo>" + sub("y", "<mi>i</mi>")))\
    </mrow></math>
    <math display="block"><mrow>\(sub("p", "<mi>i</mi><mo>,</mo><mi>k</mi>"))<mo>=</mo>\
    <mfrac><msup><mi>e</mi>\(sub("z", "<mi>i</mi><mo>,</mo><mi>k</mi>"))</msup><mrow>\
    <msub><mo>∑</mo><mi>j</mi></msub><msup><mi>e</mi>\(sub("z", "<mi>i</mi><mo>,</mo><mi>j</mi>"))\
    </msup></mrow></mfrac><mo>,</mo><mspace width="1em"/>\
    \(sub("z", "<mi>i</mi><mo>,</mo><mi>k</mi>"))<mo>=</mo>\(sub("w", "<mi>k</mi>"))<mo>·</mo>\
    \(sub("x", "<mi>i</mi>"))<mo>+</mo>\(sub("b", "<mi>k</mi>"))</mrow></math>
    <p>The bottom segment of each bar in <a href="#1-class-probabilities.svg">the first \
    figure</a> is \(sub("p", "<mi>i</mi><mo>,</mo>" + sub("y", "<mi>i</mi>")).replacingMath); \
    <a href="#2-class-losses.svg">the second</a> shows −log of it and the mean.</p>

    """
  let rows = evenlySpacedRanks(input.labels.count, slots: 20)
  var table = "<table id=\"points-table\">\n<tr><th>point</th><th>class</th>"
    + input.classNames.map { "<th>P(\(escape($0)))</th>" }.joined()
    + "<th>p of its class</th><th>−log of it</th></tr>\n"
  for i in rows {
    table += "<tr><td>\(i + 1)</td><td>\(escape(input.classNames[input.labels[i]]))</td>"
      + (0..<input.classCount).map { "<td>\(decimals(input.p(i, $0), 4))</td>" }.joined()
      + "<td>\(decimals(input.p(i, input.labels[i]), 4))</td>"
      + "<td>\(decimals(input.loss(i), 4))</td></tr>\n"
  }
  table += "</table>\n"
  if rows.count < input.labels.count {
    table += "<p class=\"note\">\(rows.count) of the \(grouped(input.labels.count)) points, "
      + "evenly spaced in the file.</p>\n"
  }
  return htmlPage(
    title: input.title, summary: input.summary,
    sections: [
      PageSection(id: "fit", title: "The fit", html: readout),
      PageSection(id: "formula", title: "The formula", html: formula),
      PageSection(
        id: "points", title: rows.count < input.labels.count ? "Some of the points" : "The points",
        html: table),
    ] + extraSections + [figuresSection(figures)])
}

extension String {
  /// MathML inline in running text.
  fileprivate var replacingMath: String { "<math>" + self + "</math>" }
}

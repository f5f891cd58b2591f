import FitlogitSystem

/// One part of the page: appended in order, so another view (a
/// calibration curve, a precision–recall curve) is one more entry.
public struct PageSection: Sendable {
  public var id: String
  public var title: String
  /// The section's body, already HTML.
  public var html: String
  public init(id: String, title: String, html: String) {
    self.id = id
    self.title = title
    self.html = html
  }
}

/// The interactive `index.html`: the reader moves the model and watches
/// every bar, every −log p and the mean follow; the loss surface with the
/// solvers' paths; a threshold with its confusion matrix and ROC point; the
/// formula; the points; then the static figures. One file, nothing
/// fetched. Everything is drawn at scikit-learn's fit first, so with
/// scripts off the page still reads as the static report.
public func livePage(_ input: LivePageInput, extraSections: [PageSection] = []) -> String {
  let page = LivePageModel(input)
  var sections: [PageSection] = []
  if page.oneFeature {
    sections.append(page.moveTheModel())
    sections.append(page.lossSurface())
  } else {
    sections.append(page.theFit())
  }
  sections.append(page.threshold())
  sections.append(page.formula())
  sections.append(page.pointsTable())
  sections += extraSections
  sections.append(figuresSection(input.figures))
  return htmlPage(
    title: input.title, summary: input.summary, sections: sections,
    data: page.json(), script: livePageScript)
}

/// The static figures, in the article's order, each with its caption.
public func figuresSection(_ figures: [Figure]) -> PageSection {
  var html = ""
  for (k, f) in figures.enumerated() {
    html += "<figure id=\"\(escape(f.fileName))\">\n" + f.svg
    html += "<figcaption><b>\(k + 1). \(escape(f.title)).</b> \(escape(f.caption))</figcaption>\n"
    html += "</figure>\n"
  }
  return PageSection(id: "figures", title: "The article's figures", html: html)
}

/// The page around the sections: style, summary, data and script inline.
public func htmlPage(
  title: String, summary: [String], sections: [PageSection], data: String? = nil,
  script: String? = nil
) -> String {
  var out = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>
    \(pageStyle)
    </style>
    </head>
    <body>
    <h1>\(escape(title))</h1>

    """
  out += "<pre>" + summary.map(escape).joined(separator: "\n") + "</pre>\n"
  if sections.count > 1 {
    out += "<nav>" + sections.map { "<a href=\"#\($0.id)\">\(escape($0.title))</a>" }
      .joined(separator: " · ") + "</nav>\n"
  }
  for s in sections {
    out += "<section id=\"\(s.id)\">\n<h2>\(escape(s.title))</h2>\n\(s.html)</section>\n"
  }
  if let data {
    // Numbers and booleans only, so nothing in it can end the element.
    out += "<script type=\"application/json\" id=\"page-data\">" + data + "</script>\n"
  }
  if let script { out += "<script>\n\(script)</script>\n" }
  return out + "</body>\n</html>\n"
}

let pageStyle = """
  body { font-family: Helvetica, Arial, sans-serif; max-width: 1100px; margin: 2em auto;
         padding: 0 1em; color: #222; line-height: 1.45; }
  h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
  nav { font-size: 0.95em; margin: 1em 0; }
  figure { margin: 1.5em 0; }
  .pair { display: flex; flex-wrap: wrap; gap: 1em; }
  .pair figure { flex: 1 1 440px; margin: 0.5em 0; }
  svg { max-width: 100%; height: auto; }
  figure svg { border: 1px solid #eee; }
  figcaption, .note { font-size: 0.95em; color: #444; margin-top: 0.4em; }
  pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; }
  .controls { display: grid; grid-template-columns: max-content 1fr max-content; gap: 0.4em 0.8em;
              align-items: center; background: #f6f6f6; padding: 0.8em; }
  .controls input[type=range] { width: 100%; }
  .controls input[type=number] { width: 9em; }
  .buttons { margin: 0.6em 0; } .buttons button { margin-right: 0.5em; }
  .readout { font-size: 1.15em; } .readout output { font-weight: bold; font-variant-numeric: tabular-nums; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  td, th { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
  th { background: #f6f6f6; }
  .matrix td { min-width: 4em; text-align: center; }
  math { font-size: 1.2em; }
  .terms li { margin: 0.2em 0; }
  .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; }
  """

/// The numbers every section draws from, computed once.
struct LivePageModel {
  let input: LivePageInput
  let a: ArticleFigureInput
  let oneFeature: Bool
  let rows: WeightedRows
  let table: ThresholdTable
  /// Slider ranges, which are also the loss surface's extent.
  let wRange: (Double, Double)
  let bRange: (Double, Double)
  /// Points whose bars and markers the live pictures draw (all up to 300).
  let drawn: [Int]
  /// Rows of the per-point table: 20 evenly spaced in the file, or all.
  let tableRows: [Int]
  /// Above 300 points the live bars are per bin and class, as in figure 4.
  let barBins: Bins?
  let bars: [(bin: Int, label: Int)]

  init(_ input: LivePageInput) {
    self.input = input
    a = input.article
    oneFeature = a.x != nil && a.coef != nil && !input.presets.isEmpty
    let x = a.x ?? []
    rows = WeightedRows(
      x: x, labels: oneFeature ? a.labels : [], weights: oneFeature ? input.weights : nil)
    table = ThresholdTable(probabilities: a.probabilities, labels: a.labels)
    /// From below the smallest to above the largest of 0 and the
    /// solvers' iterates, half the span again on each side, at a round
    /// value: every path and every button's model on the picture.
    func range(_ values: [Double]) -> (Double, Double) {
      let lo = min(values.min() ?? 0, 0), hi = max(values.max() ?? 0, 0)
      let span = max(hi - lo, 0.1)
      let ticks = niceTicks(lo - span / 2, hi + span / 2, count: 5)
      let step = ticks.count > 1 ? ticks[1] - ticks[0] : span
      return (
        ((lo - span / 2) / step).rounded(.down) * step,
        ((hi + span / 2) / step).rounded(.up) * step
      )
    }
    wRange = range(input.presets.map(\.w) + input.paths.flatMap { $0.points.map(\.w) })
    bRange = range(input.presets.map(\.b) + input.paths.flatMap { $0.points.map(\.b) })
    let byX = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    drawn = evenlySpacedRanks(x.count, slots: manyPoints).map { byX[$0] }
    tableRows = evenlySpacedRanks(a.labels.count, slots: 20)
    if oneFeature && x.count > manyPoints {
      let bins = Bins(x)
      let counts = bins.counts(x, labels: a.labels)
      barBins = bins
      bars = (0..<bins.count).flatMap { k in
        [1, 0].filter { counts[$0][k] > 0 }.map { (bin: k, label: $0) }
      }
    } else {
      barBins = nil
      bars = []
    }
  }

  var fitted: LivePageInput.Preset? { input.presets.first }
  var weighted: Bool { input.weights != nil }

  // MARK: - Move the model

  /// Room above the live pictures' frames for their legends.
  let liveMargin = (top: 40.0, right: 24.0, bottom: 52.0, left: 64.0)

  func moveTheModel() -> PageSection {
    let f = fitted!
    var html = """
      <p>Move the coefficient w and the intercept b (or type a value): the sigmoid, each \
      point's bar, each point's −log p and their mean, the log loss, follow at once.</p>
      <noscript><p class="note">Scripts are off: the pictures show scikit-learn's fit, and \
      the sliders do nothing.</p></noscript>
      <div class="controls">
      <label for="w">coefficient w</label>
      <input type="range" id="w-range" min="\(wRange.0)" max="\(wRange.1)" \
      step="\((wRange.1 - wRange.0) / 1000)" value="\(f.w)" aria-label="coefficient w">
      <input type="number" id="w" step="any" value="\(f.w)">
      <label for="b">intercept b</label>
      <input type="range" id="b-range" min="\(bRange.0)" max="\(bRange.1)" \
      step="\((bRange.1 - bRange.0) / 1000)" value="\(f.b)" aria-label="intercept b">
      <input type="number" id="b" step="any" value="\(f.b)">
      </div>
      <div class="buttons">
      """
    for (k, p) in input.presets.enumerated() {
      html += "<button type=\"button\" id=\"preset-\(k)\" data-w=\"\(p.w)\" data-b=\"\(p.b)\">"
        + "\(escape(p.label))</button>"
    }
    html += """
      </div>
      <p class="readout">log loss <output id="log-loss" data-value="\(f.logLoss)">\
      \(decimals(f.logLoss, 4))</output>\(weightedReadout(f)) · objective \
      <output id="objective" data-value="\(f.objective)">\(decimals(f.objective, 6))</output> \
      <span id="exactness" class="note">\(exactness)</span></p>
      <p class="note" id="objective-words">\(objectiveWords)</p>

      """
    html += "<div class=\"pair\">\n<figure id=\"live-model\">\n" + liveModelFigure(f) + "<figcaption>"
      + "P(\(escape(a.classNames[1]))) = σ(w·\(escape(a.featureName)) + b), and each point's "
      + "probability of its own class: bars of class \(escape(a.classNames[1])) stand under "
      + "the curve, bars of class \(escape(a.classNames[0])) hang over it."
      + (barBins.map { bins in
        " \(grouped(a.labels.count)) points are too many for one bar each: per bin of "
          + "\(escape(a.featureName)) (\(bins.count) equal bins) and class, one bar at the "
          + "class's mean probability in the bin."
      } ?? "") + "</figcaption>\n</figure>\n"
    html += "<figure id=\"live-neglog\">\n" + liveNegLogFigure(f) + "<figcaption>"
      + "Each point's −log p of its own class, on the curve −log p; the dashed line is their "
      + "mean, the log loss."
      + (drawn.count < a.labels.count
        ? " \(drawn.count) of the \(grouped(a.labels.count)) points are drawn, evenly "
          + "spaced in \(escape(a.featureName))."
        : "") + "</figcaption>\n</figure>\n</div>\n"
    return PageSection(id: "move", title: "Move the model", html: html)
  }

  /// Several features: no slider can move the model, so the fit's numbers
  /// and where to see its losses.
  func theFit() -> PageSection {
    let objective = input.article.traces.first?.objective.last ?? a.logLoss
    let html = """
      <p class="readout">log loss <output id="log-loss" data-value="\(a.logLoss)">\
      \(decimals(a.logLoss, 4))</output> · objective <output id="objective" \
      data-value="\(objective)">\(decimals(objective, 6))</output></p>
      <p>With several features there is no single x axis to slide a sigmoid along: \
      the threshold below, <a href="#7-losses.svg">the per-point losses, sorted</a>, and \
      <a href="#9-convergence.svg">the objective along the optimizer's path</a> show this fit.</p>

      """
    return PageSection(id: "fit", title: "The fit", html: html)
  }

  /// With weights, the loss the objective holds: Σ sᵢℓᵢ / S beside the
  /// plain mean the command line prints as "log loss".
  func weightedReadout(_ f: LivePageInput.Preset) -> String {
    guard weighted else { return "" }
    return " · weighted log loss <output id=\"weighted-log-loss\" "
      + "data-value=\"\(f.weightedLogLoss)\">\(decimals(f.weightedLogLoss, 4))</output>"
  }

  /// The objective in words, under the readout: which penalty, which mean.
  var objectiveWords: String {
    let p = input.penalty
    var out = "The objective is the value the solver minimizes and the command line prints: "
      + escape(p.plainFormula(weighted: weighted))
      + (p.isNone ? ", no penalty (C = ∞), so it is the " + (weighted ? "weighted " : "")
        + "log loss itself." : " (\(escape(p.words))).")
    if weighted {
      out += " The rows are weighted (S = Σ sᵢ = \(weightText(rows.totalWeight))): the "
        + "weighted log loss Σ sᵢ·(−log pᵢ) / S is the loss the solver minimizes; \"log "
        + "loss\" is the plain mean over the points, as the command line prints it."
    }
    if p.interceptScaling != nil {
      out += " liblinear penalizes its intercept too, as the coefficient b/a of a constant "
        + "column a = \(shortNumber(p.interceptScaling!))."
    }
    return out
  }

  /// What the readout says about where its sum comes from.
  var exactness: String {
    rows.complete
      ? "(over all \(grouped(rows.total)) rows)"
      : "(over a systematic sample of \(grouped(rows.count.reduce(0, +))) of the "
        + "\(grouped(rows.total)) rows; exact at the buttons' models)"
  }

  func liveModelFigure(_ f: LivePageInput.Preset) -> String {
    let x = a.x!
    var plot = Plot(height: 380, title: "", x: xDomain(x), y: (0, 1), margin: liveMargin)
    plot.axes(xLabel: a.featureName, yLabel: "probability of \(a.classNames[1])")
    plot.legend(
      [
        ("class \(a.classNames[1])", Palette.positive, .bar),
        ("class \(a.classNames[0])", Palette.negative, .bar), ("σ(w·x + b)", Palette.neutral, .line),
      ], corner: .above)
    if let bins = barBins {
      // Many points: per bin of x and class, one bar at the class's mean
      // P(class 1) in the bin, class 1 in the left half (figure 4's view).
      var sums = [Double](repeating: 0, count: bars.count)
      var counts = [Int](repeating: 0, count: bars.count)
      var barOf: [Int: Int] = [:]
      for (k, bar) in bars.enumerated() { barOf[bar.bin * 2 + bar.label] = k }
      for r in rows.x.indices {
        guard let k = barOf[bins.index(rows.x[r]) * 2 + rows.y[r]] else { continue }
        sums[k] += Double(rows.count[r]) / (1 + libmExp(-(f.w * rows.x[r] + f.b)))
        counts[k] += rows.count[r]
      }
      for (k, bar) in bars.enumerated() {
        let p = counts[k] > 0 ? sums[k] / Double(counts[k]) : 0.5
        let (top, bottom) = bar.label == 1 ? (p, 0.0) : (1.0, p)
        let x0 = plot.x(bins.lower(bar.bin)), x1 = plot.x(bins.upper(bar.bin))
        plot.svg.raw(
          "<rect class=\"bar\" x=\"\(fmt(bar.label == 1 ? x0 : (x0 + x1) / 2))\" "
            + "y=\"\(fmt(plot.y(top)))\" width=\"\(fmt((x1 - x0) / 2))\" "
            + "height=\"\(fmt(plot.y(bottom) - plot.y(top)))\" "
            + "fill=\"\(bar.label == 1 ? Palette.positive : Palette.negative)\" fill-opacity=\"0.8\"/>")
      }
    }
    let width = max(3, min(18, (plot.right - plot.left) / Double(drawn.count) * 0.5))
    for i in drawn where barBins == nil {
      let p = trueClassProbability(f.w * x[i] + f.b, label: 1)
      let (top, bottom) = a.labels[i] == 1 ? (p, 0.0) : (1.0, p)
      plot.svg.raw(
        "<rect class=\"bar\" x=\"\(fmt(plot.x(x[i]) - width / 2))\" y=\"\(fmt(plot.y(top)))\" "
          + "width=\"\(fmt(width))\" height=\"\(fmt(plot.y(bottom) - plot.y(top)))\" "
          + "fill=\"\(a.labels[i] == 1 ? Palette.positive : Palette.negative)\" "
          + "fill-opacity=\"0.8\"/>")
    }
    plot.svg.raw(
      "<polyline id=\"live-sigmoid\" points=\"\(sigmoidPoints(plot, f))\" fill=\"none\" "
        + "stroke=\"\(Palette.neutral)\" stroke-width=\"2.5\"/>")
    return plot.svg.text
  }

  func sigmoidPoints(_ plot: Plot, _ f: LivePageInput.Preset) -> String {
    (0...120).map { k in
      let v = plot.x.domain.0 + (plot.x.domain.1 - plot.x.domain.0) * Double(k) / 120
      return "\(fmt(plot.x(v))),\(fmt(plot.y(1 / (1 + libmExp(-(f.w * v + f.b))))))"
    }.joined(separator: " ")
  }

  func liveNegLogFigure(_ f: LivePageInput.Preset) -> String {
    let x = a.x!
    var plot = Plot(height: 320, title: "", x: (0, 1), y: (0, 5), margin: liveMargin)
    plot.axes(xLabel: "probability of the true class p", yLabel: "−log p")
    plot.legend(
      [
        ("class \(a.classNames[1])", Palette.positive, .circle),
        ("class \(a.classNames[0])", Palette.negative, .diamond), ("−log p", Palette.light, .line),
      ], corner: .above)
    var curve: [(Double, Double)] = []
    for k in 1...400 where -libmLog(Double(k) / 400) <= 5 {
      curve.append((plot.x(Double(k) / 400), plot.y(-libmLog(Double(k) / 400))))
    }
    plot.svg.polyline(curve, stroke: Palette.light, width: 2.5)
    for i in drawn {
      let p = trueClassProbability(f.w * x[i] + f.b, label: a.labels[i])
      let (px, py) = (plot.x(p), plot.y(min(-libmLog(p), 5)))
      let shape = a.labels[i] == 1
        ? "<circle r=\"5\" fill=\"\(Palette.positive)\" stroke=\"white\"/>"
        : "<polygon points=\"0,-6 6,0 0,6 -6,0\" fill=\"\(Palette.negative)\" stroke=\"white\"/>"
      plot.svg.raw("<g class=\"pt\" transform=\"translate(\(fmt(px)) \(fmt(py)))\">\(shape)</g>")
    }
    let m = plot.y(f.logLoss)
    plot.svg.raw(
      "<line id=\"live-mean\" x1=\"\(fmt(plot.left))\" x2=\"\(fmt(plot.right))\" "
        + "y1=\"\(fmt(m))\" y2=\"\(fmt(m))\" stroke=\"#000\" stroke-width=\"2\" "
        + "stroke-dasharray=\"6 4\"/>")
    plot.svg.raw(
      "<text id=\"live-mean-label\" x=\"\(fmt(plot.right - 6))\" y=\"\(fmt(m - 7))\" "
        + "text-anchor=\"end\" font-size=\"13\" font-weight=\"bold\">log loss = mean = "
        + "\(decimals(f.logLoss, 4))</text>")
    return plot.svg.text
  }

  // MARK: - The loss surface

  /// Room above the frame for the legend.
  let surfaceMargin = (top: 40.0, right: 24.0, bottom: 52.0, left: 64.0)

  func lossSurface() -> PageSection {
    // Contours need the shape, not the last digit: at most 4,000 rows.
    let surfaceRows = rows.x.count <= 4000
      ? rows : WeightedRows(x: a.x!, labels: a.labels, weights: input.weights, limit: 4000)
    let surface = LossSurface(rows: surfaceRows, w: wRange, b: bRange, penalty: input.penalty)
    let sampleNote = surfaceRows.complete
      ? "" : " The contours are computed on a systematic sample of "
        + "\(grouped(surfaceRows.count.reduce(0, +))) rows."
    var plot = Plot(
      width: 640, height: 520, title: "", x: wRange, y: bRange, margin: surfaceMargin)
    plot.axes(xLabel: "coefficient w", yLabel: "intercept b")
    for (id, values, hidden) in [
      ("loss-contours", surface.loss, false), ("objective-contours", surface.objective, true),
    ] {
      plot.svg.raw("<g id=\"\(id)\"\(hidden ? " display=\"none\"" : "")>")
      let levels = LossSurface.levels(values)
      for (k, level) in levels.enumerated() {
        var d = ""
        for (p, q) in surface.segments(values, level: level) {
          d += "M\(fmt(plot.x(p.0))) \(fmt(plot.y(p.1)))L\(fmt(plot.x(q.0))) \(fmt(plot.y(q.1)))"
        }
        let shade = 0.35 + 0.5 * Double(k) / Double(levels.count)
        plot.svg.raw(
          "<path d=\"\(d)\" fill=\"none\" stroke=\"#555\" stroke-opacity=\"\(fmt(1 - shade))\" "
            + "stroke-width=\"1\"><title>\(decimals(level, 4))</title></path>")
      }
      plot.svg.raw("</g>")
    }
    let colors = [Palette.positive, Palette.negative]
    // The fit's own solver last, on top: where gradient descent ends near
    // the same optimum, hovering there shows the solver's iterate.
    for (k, path) in input.paths.enumerated().reversed() {
      let color = colors[k % colors.count]
      plot.svg.polyline(
        path.points.map { (plot.x($0.w), plot.y($0.b)) }, stroke: color, width: 2,
        dash: k == 0 ? nil : "5 3")
      let shown = path.points.count <= 60
        ? Array(path.points.indices)
        : Array(0..<20) + evenlySpacedRanks(path.points.count - 21, slots: 38).map { $0 + 20 }
          + [path.points.count - 1]
      for i in shown {
        let g = path.gradient[i]
        let info = "\(path.name) iterate \(i): objective \(decimals(path.objective[i], 6)), "
          + (input.penalty.l1Ratio > 0 && !input.penalty.isNone ? "smooth part's " : "")
          + "gradient (\(decimals(g.w, 6)), \(decimals(g.b, 6)))"
        plot.svg.raw(
          "<circle class=\"iterate\" cx=\"\(fmt(plot.x(path.points[i].w)))\" "
            + "cy=\"\(fmt(plot.y(path.points[i].b)))\" r=\"3.5\" fill=\"\(color)\" "
            + "stroke=\"white\" data-info=\"\(escape(info))\"><title>\(escape(info))</title>"
            + "</circle>")
      }
    }
    var labelled: [(Double, Double)] = []
    for p in input.presets {
      let (px, py) = (plot.x(p.w), plot.y(p.b))
      // Two models on one spot (no penalty to speak of): the second label
      // goes under the first.
      let below = labelled.filter { abs($0.0 - px) < 30 && abs($0.1 - py) < 14 }.count
      labelled.append((px, py))
      plot.svg.raw(
        "<path d=\"M\(fmt(px - 5)) \(fmt(py - 5))L\(fmt(px + 5)) \(fmt(py + 5))M\(fmt(px - 5)) "
          + "\(fmt(py + 5))L\(fmt(px + 5)) \(fmt(py - 5))\" stroke=\"#000\" stroke-width=\"2\" "
          + "pointer-events=\"none\"/>")
      plot.svg.raw(
        "<text x=\"\(fmt(px + 9))\" y=\"\(fmt(py - 7 + 16 * Double(below)))\" font-size=\"12\" "
          + "fill=\"#000\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\" "
          + "pointer-events=\"none\">"
          + "\(escape(p.label))</text>")
    }
    let f = fitted!
    plot.svg.raw(
      "<circle id=\"surface-point\" cx=\"\(fmt(plot.x(f.w)))\" cy=\"\(fmt(plot.y(f.b)))\" "
        + "r=\"7\" fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\" pointer-events=\"none\"/>")
    plot.legend(
      input.paths.enumerated().map { (k, p) in
        ("\(p.name): \(p.points.count - 1) iterations", colors[k % colors.count], .line)
      } + [("the sliders' model", "#000", .circle)], corner: .above)
    let p = input.penalty
    let loss = weighted ? "weighted mean log loss" : "mean log loss"
    let toggle = p.isNone
      ? "<label><input type=\"checkbox\" id=\"show-objective\" disabled> no penalty "
        + "(C = ∞): the objective is the \(loss) itself, so there is no other surface to "
        + "show</label>"
      : "<label><input type=\"checkbox\" id=\"show-objective\"> show the penalized "
        + "objective (\(escape(p.plainFormula(weighted: weighted))), \(escape(p.words)), what "
        + "the solver minimizes) instead of the \(loss)</label>"
    let html = """
      <p>\(toggle)</p>
      <figure id="surface-figure">
      \(plot.svg.text)<figcaption>Contours of the \(loss) (or, ticked above, of the penalized \
      objective) over (w, b), denser near the \
      minimum; the solvers' iterates from (0, 0) (hover one for its number, objective and \
      gradient); the black ring is the sliders' model.\
      \(input.pathNote.isEmpty ? "" : " " + escape(input.pathNote))\
      \(sampleNote)\
       <span id="iterate-info"></span></figcaption>
      </figure>

      """
    return PageSection(id: "surface", title: "The loss surface", html: html)
  }

  // MARK: - Threshold

  func threshold() -> PageSection {
    let k = 50
    let n = a.labels.count
    var plot = Plot(width: 360, height: 340, title: "", x: (0, 1), y: (0, 1), margin: (20, 20, 52, 64))
    plot.axes(xLabel: "false positive rate", yLabel: "true positive rate")
    plot.svg.line(plot.left, plot.bottom, plot.right, plot.top, stroke: Palette.light, dash: "4 4")
    plot.svg.polyline(
      table.thinnedROC().map { (plot.x($0.0), plot.y($0.1)) }, stroke: Palette.positive, width: 2)
    let (fpr, tpr) = rates(k)
    plot.svg.raw(
      "<circle id=\"roc-point\" cx=\"\(fmt(plot.x(fpr)))\" cy=\"\(fmt(plot.y(tpr)))\" r=\"6\" "
        + "fill=\"\(Palette.negative)\" stroke=\"white\"/>")
    let c1 = escape(a.classNames[1]), c0 = escape(a.classNames[0])
    let html = """
      <p>Predict \(c1) when scikit-learn's fitted probability of \(c1) is at least the \
      threshold.</p>
      <div class="controls">
      <label for="threshold">threshold</label>
      <input type="range" id="threshold" min="0" max="1" step="0.01" value="0.5">
      <output id="threshold-value">0.50</output>
      </div>
      <div style="display:flex; flex-wrap:wrap; gap:2em; align-items:flex-start; margin-top:1em">
      <div>
      <table class="matrix" id="confusion-matrix">
      <tr><th></th><th>predicted \(c0)</th><th>predicted \(c1)</th></tr>
      <tr><th>actual \(c0)</th><td id="cm-tn">\(table.tn[k])</td><td id="cm-fp">\(table.fp[k])</td></tr>
      <tr><th>actual \(c1)</th><td id="cm-fn">\(table.fn[k])</td><td id="cm-tp">\(table.tp[k])</td></tr>
      </table>
      <p class="readout">accuracy <output id="accuracy">\(ratio(table.tp[k] + table.tn[k], n))</output><br>
      precision <output id="precision">\(ratio(table.tp[k], table.tp[k] + table.fp[k]))</output><br>
      recall <output id="recall">\(ratio(table.tp[k], table.tp[k] + table.fn[k]))</output></p>
      </div>
      <figure id="roc-figure" style="margin:0; width:360px">
      \(plot.svg.text)<figcaption>ROC curve of the fitted probabilities (area \
      \(decimals(table.auc, 4))); the dot is the threshold's point.</figcaption>
      </figure>
      </div>

      """
    return PageSection(id: "threshold-section", title: "Threshold", html: html)
  }

  func rates(_ k: Int) -> (Double, Double) {
    let negatives = table.fp[k] + table.tn[k], positives = table.tp[k] + table.fn[k]
    return (
      negatives == 0 ? 0 : Double(table.fp[k]) / Double(negatives),
      positives == 0 ? 0 : Double(table.tp[k]) / Double(positives)
    )
  }

  /// "0.8000", or "undefined" where the denominator is 0 (scikit-learn
  /// warns and reports 0 there).
  func ratio(_ a: Int, _ b: Int) -> String {
    b == 0 ? "undefined" : decimals(Double(a) / Double(b), 4)
  }

  // MARK: - The formula and the points

  func formula() -> PageSection {
    let sub = { (v: String) in "<msub><mi>\(v)</mi><mi>i</mi></msub>" }
    let margin = oneFeature
      ? "<mi>w</mi>\(sub("x"))<mo>+</mo><mi>b</mi>"
      : "<mi mathvariant=\"bold\">w</mi><mo>·</mo><msub><mi mathvariant=\"bold\">x</mi>"
        + "<mi>i</mi></msub><mo>+</mo><mi>b</mi>"
    let html = """
      <math display="block"><mrow><mi>L</mi><mo>=</mo><mo>−</mo>\
      <mfrac><mn>1</mn><mi>N</mi></mfrac><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo>\
      <mn>1</mn></mrow><mi>N</mi></munderover><mo>[</mo>\(sub("y"))<mi>log</mi>\(sub("p"))\
      <mo>+</mo><mo>(</mo><mn>1</mn><mo>−</mo>\(sub("y"))<mo>)</mo><mi>log</mi><mo>(</mo>\
      <mn>1</mn><mo>−</mo>\(sub("p"))<mo>)</mo><mo>]</mo></mrow></math>
      <math display="block"><mrow>\(sub("p"))<mo>=</mo><mi>σ</mi><mo>(</mo>\(margin)<mo>)</mo>\
      <mo>=</mo><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo>\
      <mo>(</mo>\(margin)<mo>)</mo></mrow></msup></mrow></mfrac></mrow></math>
      <ul class="terms">
      <li><math>\(sub("p"))</math>: the model's probability of \(escape(a.classNames[1])) \
      for point i, the sigmoid's height above it \
      (<a href="#\(oneFeature ? "live-model" : "5-sorted.svg")">the bars</a>).</li>
      <li><math>\(sub("y"))<mi>log</mi>\(sub("p"))</math>: for a \
      <span class="swatch" style="background:\(Palette.positive)"></span>\
      \(escape(a.classNames[1])) point (y = 1), log of the bar under the curve.</li>
      <li><math><mo>(</mo><mn>1</mn><mo>−</mo>\(sub("y"))<mo>)</mo><mi>log</mi><mo>(</mo>\
      <mn>1</mn><mo>−</mo>\(sub("p"))<mo>)</mo></math>: for a \
      <span class="swatch" style="background:\(Palette.negative)"></span>\
      \(escape(a.classNames[0])) point (y = 0), log of the bar hanging over it.</li>
      <li><math><mo>−</mo><mi>log</mi></math>: each point's loss, \
      <a href="#\(oneFeature ? "live-neglog" : "6-neglog.svg")">on the −log p curve</a>.</li>
      <li><math><mfrac><mn>1</mn><mi>N</mi></mfrac><mo>∑</mo></math>: their mean, the log \
      loss (<a href="#\(oneFeature ? "live-neglog" : "7-losses.svg")">the dashed line</a>).</li>
      \(objectiveItems)
      </ul>

      """
    return PageSection(id: "formula", title: "The formula", html: html)
  }

  /// The objective the solver minimizes, typeset for the fit's penalty
  /// (scikit-learn 1.9's, on the mean-loss scale), and with weights the
  /// weighted mean it is made of.
  var objectiveItems: String {
    let p = input.penalty
    let N = weighted ? "<mi>S</mi>" : "<mi>N</mi>"
    let loss = weighted ? "<msub><mi>L</mi><mi>s</mi></msub>" : "<mi>L</mi>"
    var out = ""
    if weighted {
      out += "<li>the rows are weighted: the solver's loss is <math display=\"block\">\(loss)<mo>=</mo>"
        + "<mfrac><mn>1</mn><mi>S</mi></mfrac><mo>∑</mo><msub><mi>s</mi><mi>i</mi></msub>"
        + "<msub><mi>ℓ</mi><mi>i</mi></msub></math> with <math><msub><mi>ℓ</mi><mi>i</mi>"
        + "</msub></math> point i's −log of the probability of its class and "
        + "<math><mi>S</mi><mo>=</mo><mo>∑</mo>"
        + "<msub><mi>s</mi><mi>i</mi></msub><mo>=</mo><mn>\(weightText(rows.totalWeight))"
        + "</mn></math> (sample weights, class weights folded in; the table shows "
        + "<math><msub><mi>s</mi><mi>i</mi></msub></math>).</li>\n"
    }
    // One coefficient: |w| and w²; liblinear's penalized intercept makes
    // it the vector β = (w, b/a).
    let single = oneFeature && p.interceptScaling == nil
    let beta = single ? "<mi>w</mi>" : "<mi mathvariant=\"bold\">β</mi>"
    let abs1 = single
      ? "<mo>|</mo><mi>w</mi><mo>|</mo>"
      : "<msub><mrow><mo>‖</mo>\(beta)<mo>‖</mo></mrow><mn>1</mn></msub>"
    let sq = single
      ? "<msup><mi>w</mi><mn>2</mn></msup>"
      : "<msubsup><mrow><mo>‖</mo>\(beta)<mo>‖</mo></mrow><mn>2</mn><mn>2</mn></msubsup>"
    let term: String
    switch p.name {
    case "none": term = ""
    case "l1": term = "<mo>+</mo><mfrac>\(abs1)<mrow><mi>C</mi>\(N)</mrow></mfrac>"
    case "elasticnet":
      term = "<mo>+</mo><mfrac><mn>1</mn><mrow><mi>C</mi>\(N)</mrow></mfrac><mo>(</mo><mi>ρ</mi>"
        + "\(abs1)<mo>+</mo><mfrac><mrow><mn>1</mn><mo>−</mo><mi>ρ</mi></mrow><mn>2</mn></mfrac>"
        + "\(sq)<mo>)</mo>"
    default: term = "<mo>+</mo><mfrac>\(sq)<mrow><mn>2</mn><mi>C</mi>\(N)</mrow></mfrac>"
    }
    let values = (p.isNone ? "no penalty, C = ∞" : "C = \(shortNumber(p.C))")
      + (p.name == "elasticnet" ? ", ρ = l1_ratio = \(shortNumber(p.l1Ratio))" : "")
      + (weighted ? "" : ", N = \(grouped(a.labels.count))")
      + (p.interceptScaling.map { a in
        ", β = (w, b/a) with a = \(shortNumber(a)): liblinear penalizes its intercept too"
      } ?? "")
    out += "<li>the solver minimizes the objective (\(escape(values))"
      + (oneFeature ? ", <a href=\"#surface\">its surface</a>" : "") + ")"
      + (p.isNone ? "; without a penalty it is the log loss itself" : "")
      + ":<math display=\"block\" id=\"objective-formula\"><mi>J</mi><mo>=</mo>\(loss)\(term)"
      + "</math></li>"
    return out
  }

  func pointsTable() -> PageSection {
    let c1 = escape(a.classNames[1])
    var html = "<table id=\"points-table\">\n<tr><th>point</th>"
      + (oneFeature ? "<th>\(escape(a.featureName))</th>" : "")
      + "<th>class</th>" + (input.weights != nil ? "<th>weight s<sub>i</sub></th>" : "")
      + "<th>p = P(\(c1))</th><th>p of its class</th><th>−log of it</th></tr>\n"
    let own = a.trueClassProbabilities
    for i in tableRows {
      let loss = -libmLog(min(max(own[i], 2.220446049250313e-16), 1 - 2.220446049250313e-16))
      html += "<tr><td>\(i + 1)</td>"
        + (oneFeature ? "<td>\(a.x![i])</td>" : "")
        + "<td>\(escape(a.classNames[a.labels[i]]))</td>"
        + (input.weights.map { "<td>\(weightText($0[i]))</td>" } ?? "")
        + "<td id=\"t-p-\(i)\">\(decimals(a.probabilities[i], 4))</td>"
        + "<td id=\"t-own-\(i)\">\(decimals(own[i], 4))</td>"
        + "<td id=\"t-loss-\(i)\">\(decimals(loss, 4))</td></tr>\n"
    }
    html += "</table>\n"
    if tableRows.count < a.labels.count {
      html += "<p class=\"note\">\(tableRows.count) of the \(grouped(a.labels.count)) points, "
        + "evenly spaced in the file.</p>\n"
    }
    return PageSection(
      id: "points", title: tableRows.count < a.labels.count ? "Some of the points" : "The points",
      html: html)
  }

  // MARK: - Data for the script

  /// Everything the script needs, as JSON.
  func json() -> String {
    func num(_ v: Double) -> String { v.isFinite ? "\(v)" : "null" }
    func list(_ v: [Double]) -> String { "[" + v.map(num).joined(separator: ",") + "]" }
    func ints(_ v: [Int]) -> String { "[" + v.map(String.init).joined(separator: ",") + "]" }
    let p = input.penalty
    var out = "{\"n\":\(a.labels.count),"
    out += "\"penalty\":{\"C\":\(num(p.C)),\"l1Ratio\":\(num(p.l1Ratio)),"
      + "\"interceptScaling\":\(p.interceptScaling.map(num) ?? "null")},"
    out += "\"oneFeature\":\(oneFeature),"
    out += "\"thresholds\":{\"tp\":\(ints(table.tp)),\"fp\":\(ints(table.fp)),"
      + "\"tn\":\(ints(table.tn)),\"fn\":\(ints(table.fn))},"
    out += "\"roc\":\(scaleJSON(x: (0, 1), y: (0, 1), width: 360, height: 340, margin: (20, 20, 52, 64)))"
    guard oneFeature, let x = a.x else { return out + "}" }
    out += ",\"rows\":{\"x\":\(list(rows.x)),\"y\":\(ints(rows.y)),\"c\":\(ints(rows.count)),"
      + (rows.weight.map { "\"s\":\(list($0))," } ?? "")
      + "\"S\":\(num(rows.totalWeight)),\"complete\":\(rows.complete)},"
    out += "\"presets\":[" + input.presets.map {
      "{\"w\":\(num($0.w)),\"b\":\(num($0.b)),\"logLoss\":\(num($0.logLoss)),"
        + "\"weightedLogLoss\":\(num($0.weightedLogLoss)),\"objective\":\(num($0.objective))}"
    }.joined(separator: ",") + "],"
    if let bins = barBins {
      out += "\"bins\":{\"lo\":\(num(bins.lo)),\"hi\":\(num(bins.hi)),\"count\":\(bins.count),"
        + "\"bin\":\(ints(bars.map(\.bin))),\"label\":\(ints(bars.map(\.label)))},"
    }
    out += "\"drawn\":{\"x\":\(list(drawn.map { x[$0] })),\"y\":\(ints(drawn.map { a.labels[$0] }))},"
    out += "\"table\":{\"i\":\(ints(tableRows)),\"x\":\(list(tableRows.map { x[$0] })),"
      + "\"y\":\(ints(tableRows.map { a.labels[$0] }))},"
    out += "\"model\":\(scaleJSON(x: xDomain(x), y: (0, 1), width: 640, height: 380, margin: liveMargin)),"
    out += "\"neglog\":\(scaleJSON(x: (0, 1), y: (0, 5), width: 640, height: 320, margin: liveMargin)),"
    out += "\"surface\":\(scaleJSON(x: wRange, y: bRange, width: 640, height: 520, margin: surfaceMargin))"
    return out + "}"
  }

  /// A picture's linear map, data to pixels, as the Plot draws it.
  func scaleJSON(
    x: (Double, Double), y: (Double, Double), width: Double, height: Double,
    margin: (Double, Double, Double, Double)
  ) -> String {
    let (top, right, bottom, left) = margin
    return "{\"x\":[\(x.0),\(x.1),\(left),\(width - right)],"
      + "\"y\":[\(y.0),\(y.1),\(height - bottom),\(top)]}"
  }
}

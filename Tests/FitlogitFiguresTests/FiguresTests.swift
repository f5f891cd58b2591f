import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import FitlogitFigures
import FitlogitTestSupport

/// The article's fit, from docs/REFERENCE.md (scikit-learn's numbers), with a
/// fixed illustrative convergence trace.
let article = ArticleFigureInput(
  x: [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6],
  labels: [0, 0, 1, 0, 1, 1, 1, 1, 1, 1], classNames: ["0", "1"], featureName: "x",
  probabilities: [
    0.1851092, 0.33074981, 0.46958475, 0.7005313, 0.73965135, 0.8073393, 0.86074238,
    0.94230237, 0.96991724, 0.99408921,
  ],
  coef: 0.97164054, intercept: 0.65550101, logLoss: 0.332939988498614,
  traces: [
    .init(
      name: "L-BFGS", objective: [0.6931, 0.3911, 0.3872, 0.38015, 0.380144315, 0.380144255],
      gradientMaxAbs: [0.735, 0.0564, 0.0449, 0.00164, 0.000199, 9.53e-05]),
    .init(
      name: "gradient descent", objective: [0.6931, 0.45, 0.40, 0.385, 0.381, 0.3803, 0.38016],
      gradientMaxAbs: [0.735, 0.2, 0.08, 0.03, 0.01, 0.003, 0.0009]),
  ])

/// Elements of an XML document, by name, with their attributes and whether
/// they carry a <title> (the point markers and bars do).
final class ElementCounter: NSObject, XMLParserDelegate {
  var elements: [(name: String, attributes: [String: String])] = []
  var texts: [String] = []
  private var text = ""

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements.append((name, attributes))
    text = ""
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if name == "text" || name == "title" { texts.append(text) }
  }
}

func parse(_ svg: String) -> ElementCounter? {
  let counter = ElementCounter()
  let parser = XMLParser(data: Data(svg.utf8))
  parser.delegate = counter
  return parser.parse() ? counter : nil
}

@Suite struct FiguresTests {
  let figures = articleFigures(article)

  @Test func nineFiguresInTheArticlesOrder() {
    #expect(figures.map(\.fileName) == [
      "1-data.svg", "2-split.svg", "3-sigmoid.svg", "4-probabilities.svg", "5-sorted.svg",
      "6-neglog.svg", "7-losses.svg", "8-entropy.svg", "9-convergence.svg",
    ])
  }

  @Test func everyFigureIsWellFormedXML() {
    for f in figures {
      let doc = parse(f.svg)
      #expect(doc != nil, "\(f.fileName)")
      #expect(doc?.elements.first?.name == "svg")
    }
  }

  /// Figure 1: ten points, seven circles (positive) and three diamonds.
  @Test func tenPointsInFigureOne() throws {
    let doc = try #require(parse(figures[0].svg))
    let titled = doc.texts.filter { $0.hasPrefix("point ") }
    #expect(titled.count == 10)
    #expect(titled.filter { $0.hasSuffix("class 1") }.count == 7)
    // Markers with titles plus the two legend markers.
    #expect(doc.elements.filter { $0.name == "circle" }.count == 7 + 1)
    #expect(doc.elements.filter { $0.name == "polygon" }.count == 3 + 1)
  }

  /// Figure 4: each bar's height is its point's probability of the true class
  /// on the axis scale (260 px from 0 to 1: a 380 px figure, margins 68/52).
  @Test func barHeightsAreTheProbabilities() throws {
    let doc = try #require(parse(figures[3].svg))
    let bars = doc.elements.filter { $0.name == "rect" && $0.attributes["fill-opacity"] == "0.85" }
    #expect(bars.count == 10)
    let own = zip(article.labels, article.probabilities).map { $0 == 1 ? $1 : 1 - $1 }
    let heights = bars.map { Double($0.attributes["height"]!)! }
    for (h, p) in zip(heights, own) {
      #expect(abs(h - 260 * p) <= 0.005 + 1e-9, "height \(h) for p = \(p)")
    }
    // Positive bars stand on the axis, negative ones hang from p = 1.
    let tops = bars.map { Double($0.attributes["y"]!)! }
    #expect(tops[0] == 68)
    #expect(abs(tops[2] - (328 - 260 * article.probabilities[2])) <= 0.005)
  }

  @Test func sortedBarsAreSorted() throws {
    let doc = try #require(parse(figures[4].svg))
    let heights = doc.elements.filter { $0.name == "rect" && $0.attributes["fill-opacity"] == "0.85" }
      .map { Double($0.attributes["height"]!)! }
    #expect(heights.count == 10)
    #expect(heights == heights.sorted())
    #expect(abs(heights[0] - 260 * 0.2994687) <= 0.01)
  }

  @Test func logLossLabel() throws {
    let doc = try #require(parse(figures[6].svg))
    #expect(doc.texts.contains("log loss = mean = 0.3329"))
  }

  /// The article's entropy of the labels: 0.6109 nats, 0.8813 bits.
  @Test func entropyFigure() throws {
    let doc = try #require(parse(figures[7].svg))
    #expect(doc.texts.contains { $0.hasPrefix("H(q) = 0.6109 nats = 0.8813 bits") })
    #expect(doc.texts.contains("0.3329"))
  }

  @Test func convergenceHasOneLinePerSolverAndPanel() throws {
    let doc = try #require(parse(figures[8].svg))
    #expect(doc.elements.filter { $0.name == "polyline" }.count == 4)
    #expect(doc.texts.contains("L-BFGS: 5 iterations"))
    #expect(doc.texts.contains("gradient descent: 6 iterations"))
  }

  @Test func classNamesAreEscaped() throws {
    var input = article
    input.classNames = ["a<b&\"c\"", "d'e>"]
    for f in articleFigures(input) {
      #expect(parse(f.svg) != nil, "\(f.fileName)")
    }
    #expect(escape("a<b&\"c\"") == "a&lt;b&amp;&quot;c&quot;")
  }

  @Test func withoutXOnlyTheFiguresThatNeedNoAxis() {
    var input = article
    input.x = nil
    #expect(articleFigures(input).map(\.fileName) == [
      "5-sorted.svg", "6-neglog.svg", "7-losses.svg", "8-entropy.svg", "9-convergence.svg",
    ])
  }

  @Test(arguments: [
    (0.0, 1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (-2.64, 5.04, [-2, 0, 2, 4]),
    (0.0, 17.3, [0, 5, 10, 15]),
    (-1e-3, 1e-3, [-0.001, -0.0005, 0, 0.0005, 0.001]),
  ])
  func niceTicksAreOneTwoFive(lo: Double, hi: Double, expected: [Double]) {
    let ticks = niceTicks(lo, hi, count: 5)
    #expect(ticks.count == expected.count)
    for (a, b) in zip(ticks, expected) { #expect(abs(a - b) <= 1e-12) }
  }

  @Test func deterministic() {
    #expect(articleFigures(article).map(\.svg) == figures.map(\.svg))
  }

  @Test func htmlReportIsSelfContained() {
    let html = htmlReport(title: "t", summary: ["log loss 0.3329"], figures: figures)
    #expect(html.components(separatedBy: "<svg ").count - 1 == 9)
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(!html.contains("https://"))
  }

  /// Many points: histograms and evenly spaced samples instead of one mark
  /// per point, so a figure's size does not grow with the rows, and each
  /// caption says what is shown.
  @Test func manyPointsAreBinnedOrSampled() throws {
    var rng = SplitMix64(seed: 7)
    let n = 20_000
    let x = (0..<n).map { _ in Double(rng.next() % 10_000) / 1000 - 5 }
    let labels = x.map { $0 + Double(rng.next() % 1000) / 250 - 2 > 0 ? 1 : 0 }
    let p = x.map { 1 / (1 + exp(-$0)) }
    let input = ArticleFigureInput(
      x: x, labels: labels, classNames: ["no", "yes"], featureName: "x", probabilities: p,
      coef: 1, intercept: 0, logLoss: 0.4, traces: article.traces)
    let figures = articleFigures(input)
    for f in figures {
      #expect(f.svg.utf8.count < 80_000, "\(f.fileName): \(f.svg.utf8.count) bytes")
      #expect(parse(f.svg) != nil, "\(f.fileName)")
    }
    #expect(figures[0].caption.hasPrefix("20,000 points are too many to draw one by one: "
      + "the number of points in each of 40 equal bins of x, stacked by class"))
    let data = try #require(parse(figures[0].svg))
    #expect(!data.texts.contains { $0.hasPrefix("point ") })
    // 40 bins, two classes: at most 80 bars, and every point counted once.
    let counts = data.texts.compactMap { t -> Int? in
      t.contains(" points of class ") ? Int(t.prefix { $0 != " " }) : nil
    }
    #expect(counts.reduce(0, +) == n)
    // Figures 2 and 3 draw one histogram per class: again every point once,
    // and each class's points in bars of that class only.
    for figure in figures[1...2] {
      let doc = try #require(parse(figure.svg))
      let perClass = ["no", "yes"].map { name in
        doc.texts.compactMap { t -> Int? in
          t.hasSuffix(" points of class \(name)") ? Int(t.prefix { $0 != " " }) : nil
        }.reduce(0, +)
      }
      #expect(perClass == [labels.count { $0 == 0 }, labels.count { $0 == 1 }], "\(figure.fileName)")
    }
    let sorted = try #require(parse(figures[4].svg))
    #expect(sorted.texts.filter { $0.hasPrefix("point ") }.count == 300)
    #expect(figures[4].caption.hasSuffix(
      "With 20,000 points, 300 are drawn: the middle point of each of 300 equal slices of the "
        + "sorted points."))
    #expect(figures[6].caption.hasSuffix("The mean is over all 20,000."))
  }

  /// The page for 30,000 distinct rows: its script sums over a systematic
  /// sample of 20,000 (and says so), the buttons keep the exact loss, and
  /// the file stays far under 2 MB.
  @Test func livePageOfManyRowsIsSampledAndSmall() throws {
    var rng = SplitMix64(seed: 11)
    let n = 30_000
    let x = (0..<n).map { _ in Double(rng.next() % 1_000_000) / 100_000 - 5 }
    let labels = x.map { $0 + Double(rng.next() % 1000) / 250 - 2 > 0 ? 1 : 0 }
    let p = x.map { 1 / (1 + exp(-$0)) }
    let article = ArticleFigureInput(
      x: x, labels: labels, classNames: ["no", "yes"], featureName: "x", probabilities: p,
      coef: 1, intercept: 0, logLoss: 0.4, traces: article.traces)
    let html = livePage(LivePageInput(
      title: "t", summary: [], figures: articleFigures(article), article: article,
      penalty: PagePenalty(C: 1),
      presets: [.init(label: "fit", w: 1, b: 0, logLoss: 0.4, objective: 0.400005)],
      paths: []))
    #expect(html.utf8.count < 1_500_000, "\(html.utf8.count) bytes")
    #expect(html.contains(
      "(over a systematic sample of 20,000 of the 30,000 rows; exact at the buttons' models)"))
    #expect(html.contains("\"complete\":false"))
    #expect(html.contains("<output id=\"log-loss\" data-value=\"0.4\">0.4000</output>"))
  }

  /// Three classes: each point's stack is its probabilities, own class
  /// first (full colour), the whole stack 1 (260 px), sorted by own class.
  @Test func classProbabilityStacks() throws {
    let input = ClassProbabilityInput(
      title: "t", summary: [], labels: [2, 0, 1], classNames: ["a", "b", "c"],
      probabilities: [0.2, 0.3, 0.5, 0.9, 0.05, 0.05, 0.1, 0.6, 0.3], logLoss: 0.4243,
      objective: 0.5, traces: [])
    let figures = classProbabilityFigures(input)
    #expect(figures.map(\.fileName) == ["1-class-probabilities.svg", "2-class-losses.svg"])
    let doc = try #require(parse(figures[0].svg))
    let bars = doc.elements.filter { $0.name == "rect" && $0.attributes["fill-opacity"] != nil }
    #expect(bars.count == 9)
    let heights = bars.map { Double($0.attributes["height"]!)! }
    // Sorted by own class: point 3 (0.5), point 2 (0.6), point 1 (0.9).
    let expected = [0.5, 0.2, 0.3, 0.6, 0.1, 0.3, 0.9, 0.05, 0.05]
    for (h, p) in zip(heights, expected) { #expect(abs(h - 260 * p) <= 0.01, "\(h) for \(p)") }
    #expect(bars.map { $0.attributes["fill-opacity"]! } == ["0.9", "0.3", "0.3", "0.9", "0.3", "0.3", "0.9", "0.3", "0.3"])
    let losses = try #require(parse(figures[1].svg))
    #expect(losses.texts.contains("log loss = mean = 0.4243"))
    #expect(losses.texts.contains("point 1, class c: loss = 0.6931"))
  }

  @Test func evenlySpacedRanksAreSliceMiddles() {
    #expect(evenlySpacedRanks(10, slots: 300) == Array(0..<10))
    #expect(evenlySpacedRanks(1000, slots: 4) == [125, 375, 625, 875])
    #expect(grouped(1_046) == "1,046")
    #expect(grouped(200_000) == "200,000")
    #expect(grouped(12) == "12")
  }

  /// Byte-for-byte golden files. After a deliberate change, look at the
  /// figures (scripts/render_figures.sh) and regenerate with
  /// `FITLOGIT_REGENERATE_GOLDEN=1 swift test --filter FiguresTests`.
  @Test func goldenFiles() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    if ProcessInfo.processInfo.environment["FITLOGIT_REGENERATE_GOLDEN"] == "1" {
      for f in figures { try f.svg.write(to: dir.appendingPathComponent(f.fileName), atomically: true, encoding: .utf8) }
    }
    for f in figures {
      let golden = try String(contentsOf: dir.appendingPathComponent(f.fileName), encoding: .utf8)
      #expect(golden == f.svg, "\(f.fileName) differs from its golden file")
    }
  }
}

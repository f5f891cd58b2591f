import Foundation
import Testing

@testable import FitlogitFigures

/// The evaluation figures of `--plot` on a small fixed case: the curves are
/// given (FitlogitMetrics' own tests hold them to scikit-learn), so these
/// tests pin the drawing.
@Suite struct EvaluationFiguresTests {
  let binary = EvaluationFigureInput(
    source: "test.csv", classNames: ["ham", "spam"],
    roc: [.init(label: "AUC = 0.8750", x: [0, 0, 0.25, 0.5, 1], y: [0, 0.5, 0.75, 1, 1])],
    precisionRecall: [
      .init(label: "AP = 0.8542", x: [1, 1, 0.75, 0.5, 0], y: [0.5, 0.8, 0.75, 1, 1])
    ],
    calibration: .init(
      fractionPositive: [0, 0.5, 1], meanPredicted: [0.1, 0.55, 0.9], counts: [0, 2, 0, 0, 0, 2, 0, 0, 3, 1],
      positiveCounts: [0, 0, 0, 0, 0, 1, 0, 0, 3, 1],
      edges: (0...10).map { Double($0) * 0.1 }),
    confusion: [[3, 1], [0.5, 4.25]])

  let cv = CrossValidationFigureInput(
    Cs: [1e-4, 1e-2, 1, 100, 1e4], mean: [0.5, 0.7, 0.85, 0.8, 0.8],
    std: [0.1, 0.08, 0.05, 0.06, 0.06], bestIndex: 2, scoring: "accuracy", folds: 5)

  var figures: [(name: String, svg: String)] {
    evaluationFigures(binary).map { ($0.fileName, $0.svg) }
      + [("cv-scores.svg", crossValidationFigure(cv).svg)]
  }

  @Test func figuresInOrder() {
    #expect(evaluationFigures(binary).map(\.fileName) == [
      "roc-curve.svg", "precision-recall.svg", "calibration.svg", "probability-histogram.svg",
      "confusion-matrix.svg",
    ])
    var three = binary
    three.classNames = ["a", "b", "c"]
    three.calibration = nil
    three.confusion = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    #expect(evaluationFigures(three).map(\.fileName) == [
      "roc-curve.svg", "precision-recall.svg", "confusion-matrix.svg",
    ])
  }

  @Test func drawnNumbers() {
    let svg = evaluationFigures(binary).map(\.svg)
    #expect(svg[0].contains(">AUC = 0.8750</text>"))
    #expect(svg[1].contains(">AP = 0.8542</text>"))
    #expect(svg[2].contains("<title>mean P 0.5500, fraction positive 0.5000</title>"))
    // Weighted counts keep two decimals; the diagonal is bold.
    #expect(svg[4].contains("font-weight=\"bold\">4.25</text>"))
    #expect(svg[4].contains(">0.50</text>"))
    let c = crossValidationFigure(cv).svg
    #expect(c.contains(">chosen C_ = 1.000</text>"))
    #expect(c.contains("<title>C = 1.0: mean 0.850000 ± 0.050000</title>"))
  }

  @Test func longCurvesAreThinned() {
    let x = (0..<5001).map { Double($0) / 5000 }
    let points = thinned(x, x)
    #expect(points.count == maxCurvePoints)
    #expect(points.first! == (0, 0) && points.last! == (1, 1))
  }

  /// Byte-for-byte golden files; regenerate with
  /// `FITLOGIT_REGENERATE_GOLDEN=1 swift test --filter EvaluationFiguresTests` after
  /// looking at them (scripts/render_figures.sh).
  @Test func goldenFiles() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden")
    if ProcessInfo.processInfo.environment["FITLOGIT_REGENERATE_GOLDEN"] == "1" {
      for f in figures {
        try f.svg.write(to: dir.appendingPathComponent(f.name), atomically: true, encoding: .utf8)
      }
    }
    for f in figures {
      let golden = try String(contentsOf: dir.appendingPathComponent(f.name), encoding: .utf8)
      #expect(golden == f.svg, "\(f.name) differs from its golden file")
    }
  }
}

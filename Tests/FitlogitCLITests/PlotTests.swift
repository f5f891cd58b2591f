import Foundation
import Testing

@testable import FitlogitCLI

@Suite struct PlotTests {
  @Test func writesTheFiguresAndTheReport() throws {
    let dir = temporaryDirectory() + "/figures/nested"
    let r = cli(dataFile("points.csv"), "--plot", dir)
    #expect(r.status == 0)
    #expect(r.out.contains("Log Loss / Cross Entropy = 0.3329"))
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(files == [
      "1-data.svg", "2-split.svg", "3-sigmoid.svg", "4-probabilities.svg", "5-sorted.svg",
      "6-neglog.svg", "7-losses.svg", "8-entropy.svg", "9-convergence.svg", "index.html",
    ])
    let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
    #expect(html.contains("coef[x] = 0.97164054"))
    #expect(html.contains("intercept = 0.65550101"))
    #expect(html.contains("log loss = mean = 0.3329"))
    // The nine figures, after the live ones: the model, −log p, the loss
    // surface, the ROC curve.
    #expect(html.components(separatedBy: "<figure").count - 1 == 9 + 4)
    for id in [
      "w", "b", "w-range", "b-range", "threshold", "log-loss", "objective", "live-sigmoid",
      "surface-point", "roc-point", "cm-tp", "points-table", "page-data",
    ] {
      #expect(html.contains("id=\"\(id)\""), "\(id)")
    }
    // Opened at scikit-learn's fit, readable before any script runs.
    #expect(html.contains("<output id=\"log-loss\" data-value=\"0.332939988498614"))
    #expect(html.contains(">scikit-learn&apos;s fit</button>"))
    #expect(html.contains(">maximum likelihood</button>"))
    #expect(html.contains(">start (0, 0)</button>"))
    #expect(html.contains("<math display=\"block\">"))
    // Self-contained: nothing to fetch, every link inside the page.
    for outside in ["src=", "https:", "http:", "href=\"h", "@import", "url("] {
      #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        .contains(outside), "\(outside)")
    }
    // The convergence figure holds both solvers' traces.
    let convergence = try String(contentsOfFile: dir + "/9-convergence.svg", encoding: .utf8)
    #expect(convergence.contains("L-BFGS: 5 iterations"))
    #expect(convergence.contains("gradient descent: "))
  }

  @Test func manyFeaturesDrawWhatStillMakesSense() throws {
    let dir = temporaryDirectory()
    let r = cli(dataFile("synthetic.csv"), "--plot", dir)
    #expect(r.status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(files == [
      "5-sorted.svg", "6-neglog.svg", "7-losses.svg", "8-entropy.svg", "9-convergence.svg",
      "index.html",
    ])
    // No sliders without a single x, but the threshold, the losses and the
    // fit's numbers.
    let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
    #expect(!html.contains("id=\"w\""))
    let printed = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("Log Loss") })
    #expect(html.contains(">\(printed.suffix(6))</output>"))
    for id in ["threshold", "cm-tp", "roc-point", "objective", "points-table"] {
      #expect(html.contains("id=\"\(id)\""), "\(id)")
    }
  }

  @Test func aFileIsNotADirectory() throws {
    let dir = temporaryDirectory()
    let path = dir + "/taken"
    try "x".write(toFile: path, atomically: true, encoding: .utf8)
    let r = cli(dataFile("points.csv"), "--plot", path)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(path): exists and is not a directory (--plot needs a directory)\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["taken"])
  }

  /// Three classes: a per-class probability view instead of a refusal.
  @Test func moreThanTwoClassesGetEveryClassesProbability() throws {
    let dir = temporaryDirectory() + "/out"
    let r = cli(dataFile("iris.csv"), "--plot", dir)
    #expect(r.status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(files == [
      "1-class-probabilities.svg", "2-class-losses.svg", "3-convergence.svg", "index.html",
    ])
    let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
    for name in ["setosa", "versicolor", "virginica"] {
      #expect(html.contains("<th>P(\(name))</th>"), "\(name)")
    }
    #expect(html.contains("20 of the 150 points, evenly spaced in the file."))
    // scikit-learn's log_loss for this fit (sklearn_fits.json). Both stop at
    // 100 iterations short of convergence, at points whose losses differ in
    // the fifth decimal, hence the tolerance.
    let value = try #require(html.range(of: "<output id=\"log-loss\" data-value=\"").map {
      Double(html[$0.upperBound...].prefix { $0 != "\"" })
    } ?? nil)
    #expect(abs(value - 0.11955563555424954) <= 5e-5)
    #expect(!html.contains("<script"))
    // The bottom segment of the first bar drawn is its point's own class.
    let figure = try String(contentsOfFile: dir + "/1-class-probabilities.svg", encoding: .utf8)
    #expect(figure.contains("class versicolor: P(versicolor) = "))
  }
}

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
    #expect(html.components(separatedBy: "<figure").count - 1 == 9)
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

  @Test func moreThanTwoClassesAreRefusedBeforeAnythingIsWritten() throws {
    let dir = temporaryDirectory() + "/out"
    let r = cli(dataFile("iris.csv"), "--plot", dir)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: --plot draws the article's binary figures, but "
      + "\"species\" has 3 classes\n")
    #expect(!FileManager.default.fileExists(atPath: dir))
  }
}

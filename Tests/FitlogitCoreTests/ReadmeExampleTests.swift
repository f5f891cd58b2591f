import Foundation
import FitlogitTestSupport
import Testing

/// The README's "Swift users" program is Sources/fitlogit-example/main.swift
/// to the byte, so the package build compiles exactly what users read; this
/// runs it and checks what it prints against the README and scikit-learn.
@Suite struct ReadmeExampleTests {
  /// The fenced blocks of the README's "Swift users" section, in order.
  private func readmeBlocks() throws -> [String] {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "\n## Swift users\n").last)
      .components(separatedBy: "\n## ").first!
    // Odd pieces between ``` fences are the blocks; drop each opening fence's language tag.
    return section.components(separatedBy: "```").enumerated()
      .filter { $0.offset % 2 == 1 }
      .map { String($0.element.drop { $0 != "\n" }.dropFirst()) }
  }

  @Test func readmeProgramIsTheExampleTarget() throws {
    let blocks = try readmeBlocks()
    #expect(blocks.count == 2)
    let source = try String(
      contentsOf: packageRoot.appendingPathComponent("Sources/fitlogit-example/main.swift"),
      encoding: .utf8)
    #expect(blocks.first == source)
  }

  /// Runs the built program in an empty directory: its output is the
  /// README's, its coef_ and intercept_ are scikit-learn's (1e-9, as the
  /// parity tests at the default tol), and it leaves exactly model.json.
  @Test func programPrintsScikitLearnsFit() throws {
    // `swift build` and `swift test` build every product into the folder
    // that holds the test bundle.
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [products, products.deletingLastPathComponent()]
      .map { $0.appendingPathComponent("fitlogit-example") }
    let program = try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
      "fitlogit-example not built next to \(products.path)")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("fitlogit-example-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = program
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(printed == (try readmeBlocks()).last)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.json"])

    let g = GoldenFit.all.first { $0.dataset == "points.csv" && $0.options.isEmpty }!
    let numbers = printed.split(separator: "\n")[0]
      .split(whereSeparator: { " [],".contains($0) }).compactMap { Double($0) }
    #expect(numbers.count == 2)
    for (a, b) in zip(numbers, g.coef[0] + g.intercept) {
      #expect(abs(a - b) <= 1e-9 * max(1, abs(b)))
    }
    #expect(printed.split(separator: "\n")[1]
      == "reloaded true [" + g.predict.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
  }
}

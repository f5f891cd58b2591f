import Foundation
import Testing

@testable import FitlogitCLI
import FitlogitTestSupport

/// The peak memory of a real `fitlogit` process, from `wait4`'s resource
/// usage (its own, not that of other tests running beside it).
@Suite struct PeakMemoryTests {
  /// The built `fitlogit`, beside the test bundle.
  static let executable: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0])
      .deletingLastPathComponent().appendingPathComponent("fitlogit").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/fitlogit").path
  }()

  /// Runs `fitlogit arguments…` (output to /dev/null) and returns its exit
  /// status and its maximum resident set size in KB.
  static func peak(_ arguments: [String]) throws -> (status: Int32, kilobytes: Int) {
    let line = "exec \"$0\" \"$@\" >/dev/null 2>&1"
    let argv = ["/bin/sh", "-c", line, executable] + arguments
    var cArgs = argv.map { strdup($0) }
    defer { for p in cArgs { free(p) } }
    cArgs.append(nil)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ)
    try #require(spawned == 0)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return ((status >> 8) & 0xff, Int(usage.ru_maxrss))
  }

  /// 1,000 classes of two rows each: n·K = 2e6 probabilities, 16 MB as a
  /// matrix. The fit, its log loss, its diagnostics and its report take
  /// them one row at a time, so its peak stays near an empty fit's (about
  /// 14 MB); keeping the n × K matrix (and the margins beside it while it
  /// was built) peaked at 44 MB.
  @Test func aManyClassFitKeepsNoRowsTimesClassesMatrix() throws {
    var text = "x,y\n"
    for i in 0..<2_000 { text += "\(i % 1_000).\(i % 7),c\(i % 1_000)\n" }
    let path = temporaryDirectory() + "/classes.csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let small = try Self.peak([dataFile("points.csv")])
    #expect(small.status == 0)
    let started = Date()
    let many = try Self.peak([path, "--max-iter", "0"])
    #expect(many.status == 0)
    // 14 MB over an empty fit's peak: the matrix and the margins built
    // beside it (32 MB) do not fit in that; one row of K does, many times.
    #expect(many.kilobytes - small.kilobytes < 14_000, "\(many.kilobytes) KB vs \(small.kilobytes) KB")
    // About 2 s in a debug build; generous for a shared machine.
    #expect(Date().timeIntervalSince(started) < 20)
  }
}

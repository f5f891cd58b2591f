import FitlogitCLI
import Foundation

/// Output paths a user (or another user) can hand to `--save` and `--plot`:
/// a fresh directory holding the input CSV, a symbolic and a hard link to it,
/// a dangling link, a directory, a read-only file, an existing private model
/// and a link to that; a case joins one to three of these names (and `.`,
/// `dir/..`, an empty name, a long one, one with an escape byte, `/dev/null`)
/// into a path. (No bare `..`: a `--plot` there would write above the
/// fixture.)
///
/// Whatever the path, the promises of the README hold: the input is never
/// changed, no temporary file is left behind, an error is one line, and a
/// run that says it saved a model saved one that reads back.
package struct OutputPaths {
  package let directory: String
  let input: String
  let inputText: String

  static let names = [
    "in.csv", "link.csv", "hard.csv", "dangling", "dir", "readonly.json", "old.json", "oldlink.json",
    "new.json", ".", "dir/..", "", String(repeating: "n", count: 300), "a\u{1b}b.json", "dir/", "/dev/null",
  ]

  /// Makes the fixture in a fresh directory under `parent`.
  package init(parent: String, csv: String) throws {
    let fm = FileManager.default
    directory = parent + "/case-" + String(UInt64.random(in: .min ... .max), radix: 16)
    try fm.createDirectory(atPath: directory + "/dir", withIntermediateDirectories: true)
    input = directory + "/in.csv"
    inputText = csv
    try csv.write(toFile: input, atomically: false, encoding: .utf8)
    try fm.createSymbolicLink(atPath: directory + "/link.csv", withDestinationPath: "in.csv")
    try fm.linkItem(atPath: input, toPath: directory + "/hard.csv")
    try fm.createSymbolicLink(atPath: directory + "/dangling", withDestinationPath: "nowhere/x.json")
    try "{}\n".write(toFile: directory + "/readonly.json", atomically: false, encoding: .utf8)
    try fm.setAttributes([.posixPermissions: 0o400], ofItemAtPath: directory + "/readonly.json")
    try "{}\n".write(toFile: directory + "/old.json", atomically: false, encoding: .utf8)
    try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory + "/old.json")
    try fm.createSymbolicLink(atPath: directory + "/oldlink.json", withDestinationPath: "old.json")
  }

  /// The command line of one case: `fit in.csv` with `--save PATH` or
  /// `--plot PATH` (or both), PATH built from the choices.
  package func arguments(_ choices: inout Choices) -> [String] {
    var parts: [String] = []
    for _ in 0...choices.pick(3) { parts.append(choices.element(of: Self.names)) }
    let joined = parts.joined(separator: "/")
    let path = joined.hasPrefix("/") ? joined : directory + "/" + joined
    switch choices.pick(4) {
    case 0: return ["fit", input, "--plot", path]
    case 1: return ["fit", input, "--save", path, "--plot", directory + "/plots"]
    case 2: return ["fit", input, "--json", "--save", path]
    default: return ["fit", input, "--save", path]
    }
  }

  /// Runs one case and returns its exit status and the broken promises
  /// (none when all held).
  package func check(_ arguments: [String]) -> (status: Int32, broken: [String]) {
    var out = ""
    var err = ""
    let status = FitlogitCLI.run(arguments, stdout: &out, stderr: &err)
    var broken: [String] = []
    if ![0, 1, 64].contains(status) { broken.append("exit \(status)") }
    if status != 0, !err.hasPrefix("fitlogit: error: ") || err.split(separator: "\n").count != 1 {
      broken.append("error is not one line: \(err.prefix(300))")
    }
    for name in ["in.csv", "link.csv", "hard.csv"]
    where (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) != inputText {
      broken.append("the input changed through \(name)")
    }
    let left = (FileManager.default.subpaths(atPath: directory) ?? []).filter {
      $0.contains(".fitlogit-")
    }
    if !left.isEmpty { broken.append("temporaries left: \(left)") }
    // A model "saved" to a device (`/dev/null`, `//dev/null`) went through it.
    if status == 0, let i = arguments.firstIndex(of: "--save"),
      (try? FileManager.default.attributesOfItem(atPath: arguments[i + 1]))?[.type]
        as? FileAttributeType != .typeCharacterSpecial
    {
      var o = ""
      var e = ""
      let readBack = FitlogitCLI.run(
        ["predict", arguments[i + 1], input], stdout: &o, stderr: &e)
      if readBack != 0 { broken.append("the saved model does not read back: \(e.prefix(300))") }
    }
    return (status, broken)
  }

  /// Removes the fixture (read-only files included).
  package func remove() {
    try? FileManager.default.removeItem(atPath: directory)
  }
}

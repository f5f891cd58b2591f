import Foundation
import FitlogitCLI
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One real file in every form a user may hand over: `;` or tab separated,
/// `.tsv`, standard input. Each gives the fit of the plain file.
@Suite(.serialized) struct FileFormTests {
  static let args = ["--target", "survived", "--exclude", "rownames", "--dropna", "--json"]

  /// `text` with each `,` outside quotes replaced by `delimiter`.
  static func redelimit(_ text: String, _ delimiter: Character) -> String {
    var out = ""
    var quoted = false
    for c in text {
      if c == "\"" { quoted.toggle() }
      out.append(!quoted && c == "," ? delimiter : c)
    }
    return out
  }

  static func run(_ words: [String]) -> (status: Int32, out: String, err: String) {
    var out = ""
    var err = ""
    let status = FitlogitCLI.run(words, stdout: &out, stderr: &err)
    return (status, out, err)
  }

  @Test func everyFormGivesThePlainFit() throws {
    let plain = Self.run([dataFile("titanic.csv")] + Self.args)
    #expect(plain.status == 0)
    let text = try String(contentsOfFile: dataFile("titanic.csv"), encoding: .utf8)
    let dir = temporaryDirectory()

    let semicolon = dir + "/titanic-semicolon.csv"
    try Self.redelimit(text, ";").write(toFile: semicolon, atomically: true, encoding: .utf8)
    var r = Self.run([semicolon] + Self.args)
    #expect(r.out == plain.out)
    #expect(
      r.err == "fitlogit: note: the header has no ',' but has ';': reading the file as "
        + "';'-separated (choose with --delimiter)\n")
    r = Self.run([semicolon, "--delimiter", ";"] + Self.args)
    #expect(r.out == plain.out && r.err == "")
    // The note comes before an error found after it (here: without
    // --dropna), which it may explain.
    r = Self.run([semicolon, "--target", "survived", "--exclude", "rownames"])
    #expect(r.status == 1 && r.out == "")
    #expect(
      r.err == "fitlogit: note: the header has no ',' but has ';': reading the file as "
        + "';'-separated (choose with --delimiter)\n"
        + "fitlogit: error: \(semicolon): 263 rows have missing values (age: 263); "
        + "drop them with --dropna\n")

    let tsv = dir + "/titanic.tsv"
    try Self.redelimit(text, "\t").write(toFile: tsv, atomically: true, encoding: .utf8)
    r = Self.run([tsv] + Self.args)
    #expect(r.out == plain.out && r.err == "")
    let tabs = dir + "/titanic-tabs.txt"
    try Self.redelimit(text, "\t").write(toFile: tabs, atomically: true, encoding: .utf8)
    r = Self.run([tabs, "--delimiter", "\\t"] + Self.args)
    #expect(r.out == plain.out && r.err == "")

    // Standard input: the plain file on fd 0 for the length of one run.
    let saved = dup(0)
    let fd = open(dataFile("titanic.csv"), O_RDONLY)
    dup2(fd, 0)
    r = Self.run(["-"] + Self.args)
    dup2(saved, 0)
    close(fd)
    close(saved)
    #expect(r.out == plain.out && r.err == "")

    // gzip, by its magic bytes: as a file and on standard input.
    r = Self.run([dataFile("titanic.csv.gz")] + Self.args)
    #expect(r.out == plain.out && r.err == "")
    let savedAgain = dup(0)
    let gz = open(dataFile("titanic.csv.gz"), O_RDONLY)
    dup2(gz, 0)
    r = Self.run(["-"] + Self.args)
    dup2(savedAgain, 0)
    close(gz)
    close(savedAgain)
    #expect(r.out == plain.out && r.err == "")
  }

  @Test func badDelimiter() {
    let r = Self.run([dataFile("titanic.csv"), "--delimiter", "ab"])
    #expect(r.status == 64)
    #expect(
      r.err == "fitlogit: error: '--delimiter' must be one character such as ';' or '\\t', "
        + "found 'ab' (see 'fitlogit --help')\n")
  }
}

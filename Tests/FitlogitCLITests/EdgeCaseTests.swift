import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// Writes `text` to a fresh file and returns its path.
func file(_ text: String, name: String = "data.csv") -> String {
  let path = temporaryDirectory() + "/" + name
  try! text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

/// Runs `fit --json` and returns status, stderr and the parsed report.
func fitJSON(_ path: String, _ options: String...) -> (Int32, String, [String: Any]?) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run([path, "--json"] + options, stdout: &out, stderr: &err)
  let json = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
  return (status, err, json)
}

/// Every number in a report is finite (JSON cannot hold NaN; fitlogit
/// would print it as a string).
func allFinite(_ json: [String: Any]) -> Bool {
  let coef = (json["coef"] as? [[Double]])?.flatMap { $0 } ?? []
  let intercept = json["intercept"] as? [Double] ?? []
  let scalars = ["log_loss", "objective"].compactMap { json[$0] as? Double }
  return scalars.count == 2 && (coef + intercept + scalars).allSatisfy(\.isFinite)
}

@Suite struct NumericalEdgeCaseTests {
  static let separated = "x,y\n1,0\n2,0\n3,1\n4,1\n"

  @Test func perfectSeparationWithoutPenalty() throws {
    let (status, err, json) = fitJSON(file(Self.separated), "--penalty", "none")
    #expect(status == 0)
    #expect(err == "fitlogit: warning: the classes are perfectly separated by the features, "
      + "so the unpenalized fit has no finite optimum and its coefficients are arbitrarily "
      + "large; use a penalty (--penalty l2 with a finite --C)\n")
    #expect(allFinite(try #require(json)))
    #expect((json?["warnings"] as? [String])?.count == 1)
  }

  /// With the default penalty the same data have a finite optimum: no warning.
  @Test func separationWithPenaltyIsFine() throws {
    let (status, err, json) = fitJSON(file(Self.separated))
    #expect(status == 0 && err == "")
    #expect(json?["converged"] as? Bool == true)
  }

  @Test func quasiSeparation() throws {
    let (status, err, json) = fitJSON(file("x,y\n1,0\n2,0\n3,0\n3,1\n4,1\n5,1\n"), "--penalty", "none")
    #expect(status == 0)
    #expect(err.hasPrefix("fitlogit: warning: the classes are quasi-completely separated"))
    #expect(allFinite(try #require(json)))
  }

  /// A constant column, a duplicated column, more columns than rows, one
  /// row per class: each fits with finite numbers and no warning.
  @Test(arguments: [
    "x,c,y\n1,5,0\n2,5,0\n3,5,1\n4,5,1\n2.5,5,0\n",
    "x,x2,y\n1,1,0\n2,2,1\n3,3,0\n4,4,1\n",
    "a,b,c,d,e,y\n1,2,3,4,5,0\n5,4,3,2,1,1\n0,1,0,1,0,1\n",
    "x,y\n1,a\n2,b\n",
    "x,y\n1,a\n2,b\n3,c\n4,a\n5,b\n6,c\n7,a\n",
  ])
  func degenerateDesigns(text: String) throws {
    let (status, err, json) = fitJSON(file(text))
    #expect(status == 0)
    #expect(err == "")
    #expect(allFinite(try #require(json)))
  }

  /// Duplicated columns share the weight equally: the L2 penalty picks the
  /// minimum-norm split.
  @Test func duplicatedColumnsGetEqualCoefficients() throws {
    let (_, _, json) = fitJSON(file("x,x2,y\n1,1,0\n2,2,1\n3,3,0\n4,4,1\n"))
    let coef = try #require(json?["coef"] as? [[Double]])[0]
    #expect(abs(coef[0] - coef[1]) < 1e-12)
  }

  @Test func hugeFeatureValues() throws {
    let (status, err, json) = fitJSON(file("x,y\n1e300,0\n-1e300,1\n2e300,0\n"))
    #expect(status == 0)
    #expect(err.contains("fitlogit: warning: a feature value as large as 2e+300 overflows"))
    #expect(allFinite(try #require(json)))
  }

  @Test func tinyFeatureValues() throws {
    let (status, err, json) = fitJSON(file("x,y\n1e-300,0\n-1e-300,1\n2e-300,0\n"))
    #expect(status == 0 && err == "")
    #expect(allFinite(try #require(json)))
  }

  @Test func hugeCIsTheUnpenalizedFit() throws {
    let (status, _, json) = fitJSON(dataFile("points.csv"), "--C", "1e300")
    #expect(status == 0)
    let coef = try #require(json?["coef"] as? [[Double]])[0][0]
    #expect(abs(coef - 1.64161603) < 1e-6)
  }

  /// scikit-learn's lbfgs stops after one step with coef 0 and intercept 0
  /// here too; the intercept-only model's is log(7/3) = 0.8472978603872037.
  @Test func tinyCWarns() throws {
    let (status, err, json) = fitJSON(dataFile("points.csv"), "--C", "1e-300")
    #expect(status == 0)
    #expect(err == "fitlogit: warning: C=1e-300 makes the penalty so strong that every "
      + "coefficient is held at 0, and the solver stopped with the intercept at 0.0, not "
      + "the intercept-only model's 0.8472978603872037: the fit is not a model of the data "
      + "(use a larger --C)\n")
    #expect(try #require(json?["coef"] as? [[Double]])[0][0] == 0)
  }

  /// Integer labels past 2^53 are int64 in pandas, so they stay two
  /// classes (scikit-learn's classes_ [9007199254740992, 9007199254740993]).
  @Test func integerLabelsBeyondTwoToThe53() throws {
    let path = file("x,y\n1,9007199254740993\n2,9007199254740992\n3,9007199254740993\n"
      + "4,9007199254740992\n")
    let (status, _, json) = fitJSON(path)
    #expect(status == 0)
    #expect(json?["classes"] as? [String] == ["9007199254740992", "9007199254740993"])
  }

  /// pandas reads "1", "1.0" and "01" as the number 1: one class.
  @Test func numericLabelSpellings() throws {
    let (status, _, json) = fitJSON(file("x,y\n1,0\n2,1\n3,1.0\n4,01\n5,0.0\n"))
    #expect(status == 0)
    #expect(json?["classes"] as? [String] == ["0", "1"])
  }

  @Test func identifierColumnIsRefused() {
    let text = "x,id\n" + (0..<2000).map { "\($0),\($0)\n" }.joined()
    let r = cli(file(text))
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: the target \"id\" has 2000 classes for 2000 rows, so most "
      + "classes have a single row: is it an identifier rather than a label? (choose the "
      + "label with --target)\n")
  }
}

@Suite struct FileEdgeCaseTests {
  /// Files that are not CSV data: one line on stderr, exit 1, nothing on stdout.
  @Test(arguments: [
    ("", "data.csv:1:1: the file is empty"),
    ("x,y\n", "data.csv:2:1: no data rows after the header"),
    ("x,y\n1,\u{0}\n", "data.csv:2:1: a NUL byte at character 3: not a text file"),
  ])
  func notData(text: String, message: String) {
    let path = file(text)
    let r = cli(path)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(path.dropLast(8))\(message)\n")
  }

  @Test func binaryFile() throws {
    let path = temporaryDirectory() + "/random.bin"
    var rng = SplitMix64(seed: 5)
    let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let r = cli(path)
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("fitlogit: error: \(path):"))
    #expect(r.err.contains("not a text file") || r.err.contains("must be UTF-8 text"))
  }

  @Test func longLineAndManyColumns() {
    // One 1 MB number (0.000…01 underflows to 0, as in Python), and
    // 100,000 columns.
    let long = "x,y\n0." + String(repeating: "0", count: 1_000_000) + "1,0\n2,1\n"
    let r1 = cli(file(long))
    #expect(r1.status == 0)
    let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",") + ",y\n"
    let row0 = String(repeating: "0,", count: 100_000) + "0\n"
    let row1 = String(repeating: "1,", count: 100_000) + "1\n"
    let r2 = cli(file(header + row0 + row1), "--json", "--max-iter", "3")
    #expect(r2.status == 0)
    #expect(r2.out.contains("\"n_features\": 100000"))
  }

  @Test func invalidUTF8() {
    let path = temporaryDirectory() + "/latin1.csv"
    #expect(
      FileManager.default.createFile(
        atPath: path, contents: Data("x,y\n1,caf".utf8 + [0xE9, 0x0A] + Data("2,b\n".utf8))))
    let r = cli(path)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(path):2:1: invalid UTF-8 byte 0xE9 at byte 6 of the "
      + "line: the file must be UTF-8 text\n")
  }

  @Test func deviceIsRefused() {
    let r = cli("/dev/zero")
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: /dev/zero: is a device or socket, not a file\n")
  }
}

import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// What every scikit-learn fit in a golden file shares (its data, options and
/// result), read once here for the lbfgs, saga and newton-cg parity tests.
struct GoldenCase: Sendable {
  let dataset: String
  let target: String
  let sampleWeight: String?
  let options: [String: String]
  let classes: [String]
  let coef: [[Double]]
  let intercept: [Double]

  init(_ c: [String: Any]) {
    dataset = c["dataset"] as! String
    target = c["target"] as! String
    sampleWeight = c["sample_weight"] as? String
    options = (c["options"] as! [String: Any]).mapValues { "\($0)" }
    classes = c["classes"] as! [String]
    coef = c["coef"] as! [[Double]]
    intercept = c["intercept"] as! [Double]
  }

  /// The cases of `Golden/NAME`, each with its whole JSON object for the
  /// fields one test file adds.
  static func cases(in name: String, filePath: String = #filePath)
    -> [(GoldenCase, [String: Any])]
  {
    let all = golden(name, filePath: filePath)["cases"] as! [[String: Any]]
    return all.map { (GoldenCase($0), $0) }
  }
}

/// A golden fit built on a ``GoldenCase``: its fields, its dataset and a
/// test name, written once.
protocol GoldenCaseBacked: CustomTestStringConvertible {
  var base: GoldenCase { get }
}

extension GoldenCaseBacked {
  var dataset: String { base.dataset }
  var target: String { base.target }
  var sampleWeight: String? { base.sampleWeight }
  var options: [String: String] { base.options }
  var classes: [String] { base.classes }
  var coef: [[Double]] { base.coef }
  var intercept: [Double] { base.intercept }

  func data() throws -> Dataset {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: dataPath(dataset))))
    return try Dataset(csv: bytes, file: dataset, target: target, sampleWeight: sampleWeight)
  }

  var testDescription: String {
    "\(dataset) \(options.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " "))"
  }
}

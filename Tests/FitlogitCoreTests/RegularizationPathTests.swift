import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// `LogisticRegression.path` against warm-started scikit-learn fits over
/// np.logspace(-4, 4, Cs) (the "paths" of scripts/make_penalty_golden.py).
@Suite struct RegularizationPathTests {
  static var paths: [[String: Any]] {
    golden("sklearn_penalty_fits.json")["paths"] as! [[String: Any]]
  }

  static func data(_ p: [String: Any]) throws -> Dataset {
    let name = p["dataset"] as! String
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: dataPath(name))))
    return try Dataset(csv: bytes, file: name, target: p["target"] as? String)
  }

  /// The grid is NumPy's. (Foundation's JSON reader may round the golden
  /// digits to a neighbouring double, hence one ulp; `fitlogit path --json`
  /// prints the same shortest digits as NumPy's repr.)
  @Test func gridIsNumpysLogspace() {
    for p in Self.paths {
      let Cs = p["Cs"] as! [Double]
      for (a, b) in zip(LogisticRegression.pathGrid(count: Cs.count), Cs) {
        #expect(abs(a - b) <= b.ulp)
      }
    }
  }

  /// L2 with lbfgs: each warm start follows scikit-learn's iterates (the
  /// same n_iter per C, coefficients to rounding).
  @Test func lbfgsPathFollowsScikitLearn() throws {
    let p = Self.paths.first { ($0["l1_ratio"] as! Double) == 0 }!
    let fits = LogisticRegression().path(try Self.data(p), Cs: p["Cs"] as! [Double])
    #expect(fits.map(\.optimization.iterations) == p["n_iter"] as! [Int])
    for (fit, coef) in zip(fits, p["coefs"] as! [[[Double]]]) {
      #expect(abs(fit.model.coef.values[0] - coef[0][0]) < 1e-9)
    }
  }

  /// L1 with saga at tol=1e-12 against fitlogit's optimum at each C: 1e-6
  /// and the same zeros, from all-zero (C=1e-4) to x4 never entering.
  @Test func l1PathIsSagasOptimumAtEachC() throws {
    let p = Self.paths.first { ($0["l1_ratio"] as! Double) == 1 }!
    var r = LogisticRegression()
    r.solver = .saga
    r.l1Ratio = 1
    r.tol = 1e-10
    let fits = r.path(try Self.data(p), Cs: p["Cs"] as! [Double])
    for (fit, coef) in zip(fits, p["coefs"] as! [[[Double]]]) {
      for (a, b) in zip(fit.model.coef.values, coef[0]) {
        #expect(abs(a - b) <= 1e-6)
        #expect((a == 0) == (b == 0))
      }
    }
  }
}

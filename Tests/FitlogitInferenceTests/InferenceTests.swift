import Foundation
import Testing

@testable import FitlogitCore
@testable import FitlogitData
@testable import FitlogitInference
import FitlogitTestSupport

private func golden(filePath: String = #filePath) -> [String: Any] {
  FitlogitTestSupport.golden("summary.json", filePath: filePath)
}

private func dataset(_ name: String, target: String) throws -> Dataset {
  let url = URL(fileURLWithPath: dataPath(name))
  return try Dataset(csv: Array(Data(contentsOf: url)), file: name, target: target)
}

/// |a − b| ≤ tolerance·|b| (or ≤ tolerance near 0).
private func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(abs(b), 1e-300) || (abs(b) < 1e-290 && abs(a) < 1e-290)
}

@Suite struct DistributionTests {
  static let table = golden()["distributions"] as! [String: [[Double]]]

  /// Against scipy.stats, to 1e-12 relative.
  @Test func normalCDFAndSurvival() {
    for row in Self.table["normal_cdf"]! {
      #expect(close(Normal.cdf(row[0]), row[1], 1e-12), "cdf(\(row[0]))")
    }
    for row in Self.table["normal_sf"]! {
      #expect(close(Normal.survival(row[0]), row[1], 1e-12), "sf(\(row[0]))")
    }
  }

  @Test func normalQuantile() {
    for row in Self.table["normal_ppf"]! {
      #expect(close(Normal.quantile(row[0]), row[1], 1e-12), "ppf(\(row[0]))")
    }
    // scipy.stats.norm.ppf(1 - 2**-53), the largest p below 1 (kept out of
    // the JSON file, whose Linux reader would round it to 1).
    #expect(close(Normal.quantile(1 - 0x1p-53), 8.209536151601387, 1e-12))
    #expect(Normal.quantile(0) == -.infinity)
    #expect(Normal.quantile(1) == .infinity)
    #expect(Normal.quantile(1.5).isNaN)
  }

  @Test func chiSquareSurvival() {
    for row in Self.table["chi2_sf"]! {
      #expect(close(ChiSquare.survival(row[0], degreesOfFreedom: row[1]), row[2], 1e-12),
        "sf(\(row[0]), \(row[1]))")
    }
    #expect(ChiSquare.survival(0, degreesOfFreedom: 3) == 1)
    #expect(ChiSquare.survival(-1, degreesOfFreedom: 3) == 1)
    #expect(ChiSquare.survival(1, degreesOfFreedom: 0).isNaN)
  }
}

@Suite struct LogitSummaryTests {
  /// docs/REFERENCE.md's statsmodels numbers for the article, to the printed digits.
  @Test func articleMatchesReference() throws {
    let s = try LogitSummary(data: dataset("points.csv", target: "y"))
    #expect(s.names == ["const", "x"])
    #expect(abs(s.params[0][0] - 0.8028) < 5e-5 && abs(s.params[0][1] - 1.6424) < 5e-5)
    #expect(abs(s.bse[0][0] - 1.063) < 5e-4 && abs(s.bse[0][1] - 1.048) < 5e-4)
    #expect(abs(s.z[0][0] - 0.755) < 5e-4 && abs(s.z[0][1] - 1.567) < 5e-4)
    #expect(abs(s.p[0][0] - 0.450) < 5e-4 && abs(s.p[0][1] - 0.117) < 5e-4)
    #expect(abs(s.llf - -3.0516) < 5e-5 && abs(s.llnull - -6.1086) < 5e-5)
    #expect(abs(s.prsquared - 0.5004) < 5e-5)
    #expect(abs(s.aic - 10.1032) < 5e-5 && abs(s.bic - 10.7084) < 5e-5)
    #expect(abs(s.llrPValue - 0.01341) < 5e-6)
    #expect(s.converged)
    #expect(s.warnings.isEmpty)
  }

  /// Full precision against statsmodels (golden), to 1e-6 relative: the
  /// article (two alphas), 200 rows × 3 features, and three classes.
  @Test func matchesStatsmodels() throws {
    let cases = golden()["cases"] as! [[String: Any]]
    #expect(cases.count == 4)
    for c in cases {
      let name = c["dataset"] as! String
      let s = try LogitSummary(
        data: dataset(name, target: c["target"] as! String), alpha: c["alpha"] as! Double)
      #expect(s.names == c["names"] as! [String])
      let single = s.equations.count == 1
      func rows(_ key: String) -> [[Double]] {
        single ? [c[key] as! [Double]] : c[key] as! [[Double]]
      }
      for key in ["params", "bse", "z", "p"] {
        let mine = key == "params" ? s.params : key == "bse" ? s.bse : key == "z" ? s.z : s.p
        for (a, b) in zip(mine.joined(), rows(key).joined()) {
          #expect(close(a, b, 1e-6), "\(name) \(key)")
        }
      }
      let ci = single ? [c["ci"] as! [[Double]]] : c["ci"] as! [[[Double]]]
      for (a, b) in zip(s.ci.joined().joined(), ci.joined().joined()) {
        #expect(close(a, b, 1e-6), "\(name) ci")
      }
      for (mine, key) in [
        (s.llf, "llf"), (s.llnull, "llnull"), (s.llrPValue, "llr_pvalue"),
        (s.prsquared, "prsquared"), (s.aic, "aic"), (s.bic, "bic"),
      ] {
        #expect(close(mine, c[key] as! Double, 1e-6), "\(name) \(key)")
      }
      #expect(s.nobs == c["nobs"] as! Int)
      #expect(s.dfModel == c["df_model"] as! Int)
      #expect(s.dfResid == c["df_resid"] as! Int)
    }
  }

  @Test func separationWarnsAndStaysFinite() throws {
    let data = try Dataset(csv: Array("x,y\n1,0\n2,0\n3,1\n4,1\n".utf8), file: "s.csv")
    let s = try LogitSummary(data: data)
    #expect(s.warnings.first?.hasPrefix("the classes are perfectly separated") == true)
    let numbers = Array(s.params.joined()) + Array(s.bse.joined()) + [s.llf, s.aic]
    #expect(numbers.allSatisfy { $0.isFinite })
  }

  @Test(arguments: [
    ("x,c,y\n1,2,0\n2,2,1\n3,2,0\n4,2,1\n",
      "column \"c\" is constant, so it cannot be told apart from the intercept (const); drop it"),
    ("a,b,y\n1,1,0\n2,2,1\n3,3,0\n4,4,1\n",
      "columns \"a\" and \"b\" are identical, so their effects cannot be separated; drop one"),
    ("a,b,y\n1,2,0\n2,4,1\n3,6,0\n4,8,1\n",
      "the columns are linearly dependent (one is a combination of the others and the "
        + "constant), so no standard errors exist; drop the redundant column"),
    ("a,b,y\n1,2,0\n2,5,1\n",
      "2 rows cannot estimate 3 parameters; the summary needs more rows than columns"),
  ])
  func singularDesigns(text: String, message: String) throws {
    let data = try Dataset(csv: Array(text.utf8), file: "d.csv")
    #expect(throws: SummaryError(message: message)) { try LogitSummary(data: data) }
  }
}

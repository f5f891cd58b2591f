import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// One scikit-learn fit from scripts/make_golden.py.
struct GoldenFit: GoldenCaseBacked, Sendable {
  let base: GoldenCase
  let nIter: Int
  let converged: Bool
  let logLoss: Double
  let proba: [[Double]]
  let predict: [String]
  /// The NumPy port of docs/SKLEARN_LBFGS.md in plain sequential arithmetic, and
  /// with OpenBLAS-like rounding (nil without an intercept, which the port
  /// does not offer).
  let plain: Reference?
  let blas: Reference?

  struct Reference: Sendable {
    let coef: [[Double]]
    let intercept: [Double]
    let nIter: Int

    init?(_ json: Any?) {
      guard let r = json as? [String: Any] else { return nil }
      coef = r["coef"] as! [[Double]]
      intercept = r["intercept"] as! [Double]
      nIter = r["n_iter"] as! Int
    }

    var parameters: [Double] { coef.flatMap { $0 } + intercept }
  }

  /// How far scikit-learn's own answer moves with the BLAS kernel: the
  /// largest relative difference between the plain and BLAS-rounded runs
  /// of the reference port, or between the BLAS-rounded run and
  /// scikit-learn's (∞ when iteration counts differ).
  var blasSensitivity: Double {
    guard let plain, let blas else { return 0 }
    if plain.nIter != blas.nIter || blas.nIter != nIter { return .infinity }
    let sklearn = coef.flatMap { $0 } + intercept
    func distance(_ a: [Double], _ b: [Double]) -> Double {
      zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    }
    return max(distance(plain.parameters, blas.parameters), distance(blas.parameters, sklearn))
  }

  /// `fit` against scikit-learn's. At the default tol: the same n_iter_ and
  /// coefficients to 1e-9; at tol 1e-10 the same optimum to 1e-8. A fit
  /// that stops at max_iter: the same n_iter_ and 1e-2. Where scikit-learn's
  /// own answer moves with its BLAS kernel by more than 1e-9 (unscaled iris:
  /// docs/SKLEARN_LBFGS.md §G), the coefficients wander along a flat valley
  /// (iris at C=10: 95 iterations here and in the plain reference, 94 with
  /// BLAS rounding, 99 in scikit-learn), and what is defined is the
  /// objective: log loss equal to 1e-4. So is the iteration count, and with
  /// it whether the fit stops before max_iter: iris at C=10 with every pass
  /// blocked (vector exp and log, sums in lanes) is still moving at 100.
  func expectSameFit(_ fit: Fit, sourceLocation: SourceLocation = #_sourceLocation) {
    if blasSensitivity > 1e-9 {
      #expect(abs(fit.logLoss - logLoss) <= 1e-4, sourceLocation: sourceLocation)
      return
    }
    #expect(fit.optimization.converged == converged, sourceLocation: sourceLocation)
    let tight = (Double(options["tol"] ?? "1e-4") ?? 1e-4) < 1e-6
    // Newton's iterates are not ported step for step (scikit-learn's
    // Cholesky and line search round differently), but each converged step
    // squares the error: the same point to 1e-8.
    let newton = options["solver"] != nil
    let tolerance = !converged ? 1e-2 : tight || newton ? 1e-8 : 1e-9
    if !tight {
      #expect(fit.optimization.iterations == nIter, sourceLocation: sourceLocation)
    }
    for k in 0..<coef.count {
      for j in 0..<coef[k].count {
        let expected = coef[k][j]
        #expect(
          abs(fit.model.coef[k, j] - expected) <= tolerance * max(1, abs(expected)),
          sourceLocation: sourceLocation)
      }
      #expect(
        abs(fit.model.intercept[k] - intercept[k]) <= tolerance * max(1, abs(intercept[k])),
        sourceLocation: sourceLocation)
    }
    if converged {
      #expect(abs(fit.logLoss - logLoss) <= 1e-9, sourceLocation: sourceLocation)
    }
  }

  static let all: [GoldenFit] = {
    GoldenCase.cases(in: "sklearn_fits.json").map { base, c in
      GoldenFit(
        base: base, nIter: c["n_iter"] as! Int,
        converged: c["converged"] as! Bool, logLoss: c["log_loss"] as! Double,
        proba: c["predict_proba"] as! [[Double]], predict: c["predict"] as! [String],
        plain: Reference(c["reference_plain"]), blas: Reference(c["reference_blas"]))
    }
  }()

  var regression: LogisticRegression {
    var r = LogisticRegression()
    if let C = options["C"] { r.C = Double(C)! }
    if options["penalty"] == "none" { r.penalty = .none }
    if options["fit_intercept"] == "0" || options["fit_intercept"] == "false" { r.fitIntercept = false }
    if let tol = options["tol"] { r.tol = Double(tol)! }
    if let maxIter = options["max_iter"] { r.maxIter = Int(maxIter)! }
    if options["class_weight"] == "balanced" { r.classWeight = .balanced }
    if options["solver"] == "newton-cholesky" { r.solver = .newton }
    return r
  }

}

@Suite struct SklearnParityTests {
  @Test func goldenFileCoversTheIssue() {
    #expect(GoldenFit.all.count == 41)
    #expect(GoldenFit.all.contains { $0.classes.count == 3 })
    #expect(GoldenFit.all.contains { $0.sampleWeight != nil })
  }

  /// The port computes what the reference port computes in the same plain
  /// arithmetic: the same number of iterations and the same coefficients to
  /// 1e-12, on every case, including those that stop at max_iter.
  @Test(arguments: GoldenFit.all.filter { $0.plain != nil })
  func sameIteratesAsReferencePort(_ g: GoldenFit) throws {
    let fit = g.regression.fit(try g.data())
    let reference = g.plain!
    #expect(fit.optimization.iterations == reference.nIter)
    let ours = (0..<fit.model.coef.rows).flatMap { Array(fit.model.coef.row($0)) }
      + fit.model.intercept
    for (a, b) in zip(ours, reference.parameters) {
      #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
    }
  }

  /// Against scikit-learn itself. At the default tol: the same n_iter_ and
  /// coefficients to 1e-9; at tol 1e-10 the same optimum to 1e-8. A fit
  /// that stops at max_iter: the same n_iter_ and 1e-2. Where scikit-learn's
  /// own answer moves with its BLAS kernel by more than 1e-9 (unscaled iris:
  /// docs/SKLEARN_LBFGS.md §G), the coefficients wander along a flat valley
  /// (iris at C=10: 95 iterations here and in the plain reference, 94 with
  /// BLAS rounding, 99 in scikit-learn), and what is defined is the
  /// objective: log loss equal to 1e-4.
  @Test(arguments: GoldenFit.all)
  func sameFitAsScikitLearn(_ g: GoldenFit) throws {
    let data = try g.data()
    #expect(data.classes == g.classes)
    let fit = g.regression.fit(data)
    // On the default kernel even the cases scikit-learn's BLAS makes
    // uncertain stop where scikit-learn does (converged or at max_iter);
    // only a forced kernel's lane sums may move that (``expectSameFit``).
    #expect(fit.optimization.converged == g.converged)
    g.expectSameFit(fit)
  }

  /// The cases above that scikit-learn's BLAS makes uncertain are few and
  /// named, so a regression elsewhere cannot hide behind them.
  @Test func blasSensitiveCasesAreTheKnownOnes() {
    let sensitive = GoldenFit.all.filter { $0.blasSensitivity > 1e-9 }.map(\.testDescription)
    #expect(sensitive.sorted() == [
      "iris.csv ", "iris.csv C=10.0", "iris.csv class_weight=balanced", "iris.csv penalty=none",
      "iris.csv max_iter=10000 tol=1e-10", "spam.csv max_iter=10000 tol=1e-10",
    ].sorted())
  }

  /// predict and predict_proba with scikit-learn's own coefficients agree
  /// with scikit-learn's to 1e-12.
  @Test(arguments: GoldenFit.all)
  func samePredictionsAsScikitLearn(_ g: GoldenFit) throws {
    let data = try g.data()
    let model = try LogisticModel(
      classes: g.classes, featureNames: data.featureNames,
      coef: try Matrix(
        rows: g.coef.count, columns: data.featureCount, values: g.coef.flatMap { $0 }),
      intercept: g.intercept)
    let p = try model.probabilities(data.features)
    for i in 0..<p.rows {
      for k in 0..<p.columns {
        #expect(abs(p[i, k] - g.proba[i][k]) <= 1e-12)
      }
    }
    #expect(try model.predict(data.features).map { g.classes[$0] } == g.predict)
  }
}

import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData
import FitlogitOptimization

/// One scikit-learn saga fit from scripts/make_penalty_golden.py.
struct GoldenPenaltyFit: GoldenCaseBacked, Sendable {
  let base: GoldenCase
  let nonzero: Int

  static let all: [GoldenPenaltyFit] = GoldenCase.cases(
    in: "sklearn_penalty_fits.json"
  ).map { GoldenPenaltyFit(base: $0, nonzero: $1["n_nonzero"] as! Int) }

  /// saga's options as fitlogit's, with the tolerance the comparison needs.
  var regression: LogisticRegression {
    var r = LogisticRegression()
    r.solver = .saga
    r.tol = 1e-10
    r.l1Ratio = Double(options["l1_ratio"]!)!
    if let C = options["C"] { r.C = Double(C)! }
    if ["0", "false", "False"].contains(options["fit_intercept"]) { r.fitIntercept = false }
    if options["class_weight"] == "balanced" { r.classWeight = .balanced }
    return r
  }

}

@Suite struct PenaltyParityTests {
  @Test func goldenFileCoversTheIssue() {
    let all = GoldenPenaltyFit.all
    #expect(all.count == 20)
    #expect(all.contains { $0.classes.count == 3 && $0.options["l1_ratio"] == "1.0" })
    #expect(all.contains { $0.options["l1_ratio"] == "0.5" })
    #expect(all.contains { $0.sampleWeight != nil })
    #expect(all.contains { $0.options["class_weight"] == "balanced" })
  }

  /// The optimum scikit-learn's saga approaches at tol=1e-12: every
  /// coefficient and intercept within 1e-6, and exactly the same zeros.
  @Test(arguments: GoldenPenaltyFit.all)
  func sameOptimumAsSaga(_ g: GoldenPenaltyFit) throws {
    let fit = g.regression.fit(try g.data())
    #expect(fit.optimization.converged)
    #expect(fit.model.classes == g.classes)
    let ours = fit.model.coef.values
    let theirs = g.coef.flatMap { $0 }
    for (a, b) in zip(ours, theirs) {
      #expect(abs(a - b) <= 1e-6)
      #expect((a == 0) == (b == 0), "zero pattern: \(a) vs \(b)")
    }
    #expect(ours.filter { $0 != 0 }.count == g.nonzero)
    for (a, b) in zip(fit.model.intercept, g.intercept) { #expect(abs(a - b) <= 1e-6) }
  }

  /// A C small enough to zero every coefficient leaves the intercept-only
  /// model, whose intercept is log(7/3) on the ten points (7 ones, 3 zeros).
  /// (scikit-learn's saga stops after one epoch here, at 0.1646.)
  @Test func allZeroL1FitIsTheInterceptOnlyModel() throws {
    var r = LogisticRegression()
    r.solver = .saga
    r.l1Ratio = 1
    r.C = 0.1
    r.tol = 1e-12
    let data = try Dataset(csv: Array(articleCSV.utf8), file: "points", target: nil)
    let fit = r.fit(data)
    #expect(fit.model.coef.values == [0])
    #expect(abs(fit.model.intercept[0] - log(7.0 / 3)) < 1e-12)
  }

  /// With no L1 part the proximal solver is Newton's method on the L2
  /// objective: the optimum newton-cholesky reaches, to 1e-9 (both stop at
  /// max|g| <= 1e-12 on raw iris, whose Hessian's smallest eigenvalue is
  /// near 1e-3, so each is within ~1e-9 of the optimum).
  @Test func sagaWithL2IsTheL2Optimum() throws {
    let data = try GoldenPenaltyFit.all.first { $0.dataset == "iris.csv" }!.data()
    var saga = LogisticRegression()
    saga.solver = .saga
    saga.tol = 1e-12
    var newton = saga
    newton.solver = .newton
    let a = saga.fit(data).model
    let b = newton.fit(data).model
    for (x, y) in zip(a.coef.values + a.intercept, b.coef.values + b.intercept) {
      #expect(abs(x - y) < 1e-9)
    }
  }
}

/// The inner solve through the rows (newGLMNET's, used from 200 features
/// on) forced on every two-class golden case: the same optimum as
/// scikit-learn's saga (1e-6, the same zeros) and as the dense inner solve.
@Suite struct RowModelParityTests {
  static let binary = GoldenPenaltyFit.all.filter { $0.classes.count == 2 }

  @Test(arguments: binary)
  func sameOptimumThroughTheRows(_ g: GoldenPenaltyFit) throws {
    let data = try g.data()
    var rows = g.regression.objective(for: data)
    rows.rowModelForced = true
    #expect(rows.prefersRowModel)
    var dense = rows
    dense.rowModelForced = false
    let start = [Double](repeating: 0, count: rows.dimension)
    let solver = ProximalNewton(tolerance: 1e-10, maxIterations: 1000)
    let a = solver.minimize(&rows, from: start)
    let b = solver.minimize(&dense, from: start)
    #expect(a.converged && b.converged)
    let layout = rows.layout
    let theirs = g.coef[0] + g.intercept
    let ours = Array(a.x[0..<layout.featureCount])
      + (g.regression.fitIntercept ? [a.x[layout.interceptIndex(row: 0)]] : [0])
    for (x, y) in zip(ours, theirs) {
      #expect(abs(x - y) <= 1e-6)
      #expect((x == 0) == (y == 0), "zero pattern: \(x) vs \(y)")
    }
    // Both stop at ω ≤ 1e-10: the same point to what that leaves, 1e-8.
    for (x, y) in zip(a.x, b.x) { #expect(abs(x - y) <= 1e-8) }
  }

  /// From 200 features on, two classes take the row form by default.
  @Test func rowFormFromTwoHundredFeatures() throws {
    func objective(features d: Int, classes: Int) -> LogisticObjective {
      LogisticObjective(
        features: Matrix(rows: 2, columns: d, uncheckedValues: [Double](repeating: 1, count: 2 * d)),
        labels: [0, classes - 1], classCount: classes, penalty: Penalty(C: 1, l1Ratio: 1),
        fitIntercept: true)
    }
    #expect(!objective(features: 199, classes: 2).prefersRowModel)
    #expect(objective(features: 200, classes: 2).prefersRowModel)
    #expect(!objective(features: 200, classes: 3).prefersRowModel)
  }
}

/// The wide path (two classes, 200 features or more): ``OWLQN``, finished
/// by proximal Newton through the rows when its line searches stall,
/// forced on every two-class golden case, and OWL-QN alone.
@Suite struct WideL1ParityTests {
  static func expectSagaOptimum(
    _ x: [Double], layout: ParameterLayout, _ g: GoldenPenaltyFit
  ) {
    for (a, b) in zip(x[0..<layout.featureCount], g.coef[0]) {
      #expect(abs(a - b) <= 1e-6)
      #expect((a == 0) == (b == 0), "zero pattern: \(a) vs \(b)")
    }
    if g.regression.fitIntercept {
      #expect(abs(x[layout.interceptIndex(row: 0)] - g.intercept[0]) <= 1e-6)
    }
  }

  @Test(arguments: RowModelParityTests.binary)
  func wideFitReachesTheSagaOptimum(_ g: GoldenPenaltyFit) throws {
    let data = try g.data()
    let regression = g.regression
    var objective = regression.objective(for: data)
    objective.rowModelForced = true
    let start = [Double](repeating: 0, count: objective.dimension)
    let r = regression.l1Result(&objective, from: start, observer: nil)
    #expect(r.stopReason == .subgradientTolerance)
    #expect(r.trace.last!.gradientMaxAbs <= 1e-10)
    #expect(r.trace.map(\.iteration) == Array(0...r.iterations))
    Self.expectSagaOptimum(r.x, layout: objective.layout, g)
  }

  /// Two classes only, the only ones the wide path gives OWL-QN: on three
  /// classes it leaves the intercepts' common shift where its steps put it
  /// (the softmax ignores it), and on raw iris it creeps (1000 iterations).
  @Test(arguments: RowModelParityTests.binary)
  func owlqnAloneReachesTheSagaOptimum(_ g: GoldenPenaltyFit) throws {
    var objective = g.regression.objective(for: try g.data())
    let start = [Double](repeating: 0, count: objective.dimension)
    let r = OWLQN(tolerance: 1e-10, maxIterations: 1000).minimize(&objective, from: start)
    #expect(r.stopReason == .subgradientTolerance)
    Self.expectSagaOptimum(r.x, layout: objective.layout, g)
  }
}

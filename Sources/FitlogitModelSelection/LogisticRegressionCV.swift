import FitlogitCore
import FitlogitData
import FitlogitMetrics
import FitlogitSystem

/// scikit-learn 1.9.1's `LogisticRegressionCV` with the L2 penalty: a path
/// of Cs fitted on each stratified fold, each C warm-started from the
/// previous C's solution; the C whose summed fold score is best (ties to
/// the first, the smallest of an ascending grid), refitted on all rows from
/// the folds' mean coefficients at that C.
public struct LogisticRegressionCV: Sendable {
  /// How a fold's held-out rows are scored (scikit-learn's `scoring`).
  public enum Scoring: String, Sendable, CaseIterable {
    /// `None`, the default in scikit-learn 1.9: `accuracy_score`.
    case accuracy
    /// −`log_loss` of `predict_proba`, labels = all classes.
    case negLogLoss = "neg_log_loss"
    /// `roc_auc_score` of `decision_function` (two classes only).
    case rocAUC = "roc_auc"
  }

  /// The grid, in the order fitted (scikit-learn keeps a given list's order).
  public var Cs: [Double]
  public var folds = 5
  public var scoring = Scoring.accuracy
  /// tol, max_iter, fit_intercept, class_weight and solver of each fit;
  /// its C is replaced by each of ``Cs``.
  public var regression = LogisticRegression()

  /// `Cs=N`: `np.logspace(-4, 4, N)`.
  public static func logspace(_ n: Int) -> [Double] {
    if n == 1 { return [numpyPower(-4)] }
    return (0..<n).map { i in
      // np.linspace(-4, 4, n): start + i·step, the last set to stop exactly.
      let step = 8.0 / Double(n - 1)
      let exponent = i == n - 1 ? 4.0 : -4.0 + Double(i) * step
      return numpyPower(exponent)
    }
  }

  public init(Cs: [Double]) { self.Cs = Cs }

  /// Runs the cross-validation and the refit.
  ///
  /// - Throws: ``SplitError`` when the folds cannot be made, or a fold's
  ///   training rows lack a class.
  public func fit(_ data: Dataset) throws(SplitError) -> CrossValidation {
    let testFolds = try stratifiedKFold(labels: data.labels, folds: folds)
    // class_weight ("balanced" or per class) is computed once, on all rows,
    // then used as plain sample weights (scikit-learn passes it to each fold
    // as a dict).
    var weighted = data
    weighted.sampleWeights = regression.sampleWeights(for: data)
    var fitter = regression
    fitter.classWeight = .none
    fitter.warmStart = nil
    var scores: [[Double]] = []
    var paths: [[Fit]] = []
    for test in testFolds {
      let inTest = Set(test)
      let train = data.labels.indices.filter { !inTest.contains($0) }
      guard let trainSet = weighted.rows(train), trainSet.classCount == data.classCount else {
        throw SplitError("a fold's training rows lack a class; use fewer folds")
      }
      fitter.warmStart = nil
      var foldScores: [Double] = []
      var path: [Fit] = []
      for C in Cs {
        fitter.C = C
        let fit = fitter.fit(trainSet)
        fitter.warmStart = fit.model
        foldScores.append(score(fit.model, data, rows: test))
        path.append(fit)
      }
      scores.append(foldScores)
      paths.append(path)
    }
    // scores.sum(axis=0), folds added in order; np.argmax keeps the first.
    var best = 0
    var bestSum = -Double.infinity
    for c in Cs.indices {
      var sum = 0.0
      for f in scores.indices { sum += scores[f][c] }
      if sum > bestSum {
        best = c
        bestSum = sum
      }
    }
    // The refit starts at the folds' mean coefficients at C_.
    let dimension = paths[0][best].optimization.x.count
    var mean = [Double](repeating: 0, count: dimension)
    for path in paths {
      let x = path[best].optimization.x
      for j in 0..<dimension { mean[j] += x[j] }
    }
    for j in 0..<dimension { mean[j] /= Double(paths.count) }
    fitter.C = Cs[best]
    fitter.warmStart = LogisticModel(
      uncheckedParameters: mean, classes: data.classes, featureNames: data.featureNames,
      fitIntercept: regression.fitIntercept)
    var refit = fitter.fit(weighted)
    refit.options.warmStart = regression.warmStart
    refit.options.classWeight = regression.classWeight
    return CrossValidation(
      Cs: Cs, folds: testFolds, scores: scores,
      iterations: paths.map { $0.map(\.optimization.iterations) },
      converged: paths.map { $0.map(\.optimization.converged) },
      paths: paths.map { $0.map(\.model) }, bestIndex: best, refit: refit)
  }

  /// A fold's score at one C, on its held-out rows (raw sample weights,
  /// without class weights, as scikit-learn scores).
  func score(_ model: LogisticModel, _ data: Dataset, rows: [Int]) -> Double {
    let d = data.featureCount
    var values: [Double] = []
    for i in rows { values += data.features.row(i) }
    let x = Matrix(rows: rows.count, columns: d, uncheckedValues: values)
    let y = rows.map { data.labels[$0] }
    let w = data.sampleWeights.map { s in rows.map { s[$0] } }
    switch scoring {
    case .accuracy:
      return accuracyScore(y, model.predict(unchecked: x), sampleWeight: w)
    case .negLogLoss:
      let p = model.probabilities(unchecked: x)
      return -logLoss(y, probabilities: (0..<p.rows).map { Array(p.row($0)) }, sampleWeight: w)
    case .rocAUC:
      let margins = model.decisionFunction(unchecked: x)
      return rocAUCScore(
        positive: y.map { $0 == 1 }, score: (0..<margins.rows).map { margins[$0, 0] },
        sampleWeight: w) ?? .nan
    }
  }
}

/// What ``LogisticRegressionCV/fit(_:)`` found, in scikit-learn's terms.
public struct CrossValidation: Sendable {
  /// `Cs_`.
  public var Cs: [Double]
  /// The test rows of each fold.
  public var folds: [[Int]]
  /// `scores_`: fold × C.
  public var scores: [[Double]]
  /// `n_iter_`: fold × C.
  public var iterations: [[Int]]
  /// Whether each fold's fit at each C converged.
  public var converged: [[Bool]]
  /// `coefs_paths_`: each fold's model at each C.
  public var paths: [[LogisticModel]]
  /// The index of `C_` in ``Cs``.
  public var bestIndex: Int
  /// The final fit on all rows at `C_` (`coef_`, `intercept_`).
  public var refit: Fit

  /// `C_`.
  public var C: Double { Cs[bestIndex] }
}

/// 10^e as NumPy's `np.power(10.0, e)` computes it (libm's pow).
func numpyPower(_ e: Double) -> Double { libmPow(10.0, e) }

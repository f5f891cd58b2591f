import FitlogitCore
import FitlogitData
import FitlogitOptimization
import FitlogitSystem

/// The inference table statsmodels prints for `Logit(...).fit().summary()`
/// (two classes) or `MNLogit` (K classes, the first the reference), with
/// statsmodels' attribute names.
public struct LogitSummary: Sendable {
  public var targetName: String
  public var classes: [String]
  /// Parameter names, `const` first, as statsmodels' `add_constant`.
  public var names: [String]
  /// One equation per non-reference class: P(class)/P(reference) for K > 2,
  /// P(positive) for two classes.
  public var equations: [String]
  /// Per equation, per name.
  public var params: [[Double]]
  public var bse: [[Double]]
  public var z: [[Double]]
  public var p: [[Double]]
  /// Per equation, per name: [lower, upper] at level 1 − alpha.
  public var ci: [[[Double]]]
  /// Which covariance the errors come from.
  public var covarianceType: CovarianceType = .nonrobust
  /// The whole covariance matrix of the parameters, equation-major then
  /// const-first (statsmodels' `cov_params()`).
  public var covParams: [[Double]] = []
  /// Firth's bias-reduced estimate instead of the maximum-likelihood one.
  public var firth = false
  /// statsmodels' `get_margeff`, when asked for.
  public var marginalEffects: MarginalEffects?
  public var alpha: Double
  public var llf: Double
  public var llnull: Double
  public var llrPValue: Double
  public var prsquared: Double
  public var aic: Double
  public var bic: Double
  public var deviance: Double
  public var nullDeviance: Double
  public var nobs: Int
  public var dfModel: Int
  public var dfResid: Int
  public var converged: Bool
  public var iterations: Int
  /// The penalty's C when the fit was penalized (--allow-penalized); nil
  /// for the textbook maximum-likelihood fit.
  public var penalizedC: Double?
  /// Separation and convergence warnings, in words.
  public var warnings: [String]
}

/// Why a summary cannot be computed.
public struct SummaryError: Error, Equatable, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}

extension LogitSummary {
  /// Fits by Newton's method to machine precision and computes the table.
  ///
  /// The covariance is the inverse of the observed information (the
  /// Hessian of −log L) at the optimum. With a penalty the fit maximizes a
  /// penalized likelihood and that inverse is not the sampling covariance
  /// of the textbook; the caller must opt in (`penalizedC`).
  ///
  /// - Parameters:
  ///   - C: nil for the unpenalized fit, else the L2 penalty's C.
  /// - Throws: ``SummaryError`` when the design matrix is singular (a
  ///   constant or duplicated column), where no standard error exists.
  ///   - covarianceType: statsmodels' `cov_type`; HC1–HC3 need two classes
  ///     (no K-class reference defines them), and `cluster` needs `groups`
  ///     (one label per row, any text: clusters are labels, not numbers).
  ///   - margeffDummy, margeffCount: statsmodels' `get_margeff(dummy=True,
  ///     count=True)`: discrete changes for 0/1 and count columns (two
  ///     classes, dy/dx).
  ///   - firth: Firth's bias-reduced fit (two classes) instead of the MLE.
  public init(
    data: Dataset, alpha: Double = 0.05, C: Double? = nil, maxIterations: Int = 35,
    covarianceType: CovarianceType = .nonrobust, groups: [String]? = nil, firth: Bool = false,
    margeff: (at: MarginalEffects.At, method: MarginalEffects.Method)? = nil,
    margeffDummy: Bool = false, margeffCount: Bool = false
  ) throws(SummaryError) {
    try Self.checkDesign(data)
    try Self.checkClasses(
      data, firth: firth, covarianceType: covarianceType, margeff: margeff?.method,
      discrete: margeffDummy || margeffCount)
    let K = data.classCount
    let d = data.featureCount
    let equations = K == 2 ? 1 : K - 1
    let columns = d + 1
    var params: [[Double]] = []
    var cov: [Double]
    var converged: Bool
    var iterations: Int
    var warnings: [String]
    var w: [Double] = []
    var multinomialLogLikelihood: Double?
    let m = equations * columns
    if K > 2 && C == nil {
      // statsmodels' MNLogit Newton itself, so that converged: False
      // means what it means there (see MultinomialNewton).
      let fit = try Self.multinomialFit(data, maxIterations: maxIterations)
      params = fit.params
      cov = fit.covariance
      converged = fit.converged
      iterations = fit.iterations
      warnings = fit.warnings
      multinomialLogLikelihood = fit.logLikelihood
    } else {
      var regression = LogisticRegression()
      regression.solver = .newton
      regression.tol = 1e-10
      regression.maxIter = maxIterations
      if let C { regression.C = C } else { regression.penalty = .none }
      let fit = regression.fit(data)

      // The information matrix in the reported parameters: (β_k − β_0) per
      // column for K > 2, i.e. the Hessian block of classes 1…K−1.
      var objective = regression.objective(for: data)
      w = fit.model.parameters(fitIntercept: true)
      var h = [Double](repeating: 0, count: w.count * w.count)
      objective.hessian(at: w, into: &h)
      let S = objective.weightSum
      // Flat indices, equation-major then const-first.
      let layout = objective.layout
      let kept = (K == 2 ? 0..<1 : 1..<K).flatMap { k in
        [layout.interceptIndex(row: k)] + (0..<d).map { j in layout.index(row: k, column: j) }
      }
      var information = [Double](repeating: 0, count: m * m)
      for (a, ia) in kept.enumerated() {
        for (b, ib) in kept.enumerated() { information[a * m + b] = S * h[ia * w.count + ib] }
      }
      let separated = fit.diagnostics.contains(.perfectSeparation)
        || fit.diagnostics.contains(.quasiSeparation)
      warnings = fit.diagnostics.compactMap { (d) -> String? in
        switch d {
        case .perfectSeparation, .quasiSeparation:
          // Firth's estimate exists whatever the separation.
          if firth { return nil }
          return (d == .perfectSeparation
            ? "the classes are perfectly separated by the features"
            : "the classes are quasi-completely separated (they overlap only on the "
              + "fitted boundary)")
            + ", so the maximum-likelihood estimate does not exist (converged: False) "
            + "and these coefficients and errors are meaningless; use --firth "
            + "(Firth's bias-reduced fit) or a penalized 'fitlogit fit --C VALUE'"
        default: return d.message
        }
      }
      var covariance = inverseOfPositiveDefinite(information, size: m)
      if covariance == nil && !firth {
        covariance = ridgedInverse(information, size: m)
        warnings.append(singularInformationWarning)
      }
      if !fit.optimization.converged && !fit.diagnostics.contains(.perfectSeparation) {
        warnings.append(
          "Newton's method did not converge in \(fit.optimization.iterations) iterations")
      }
      cov = covariance ?? [Double](repeating: .infinity, count: m * m)
      converged = fit.optimization.converged && !separated
      iterations = fit.optimization.iterations

      // Parameters, const first; for K > 2 relative to the first class.
      for e in 0..<equations {
        let k = K == 2 ? 0 : e + 1
        var row = [K == 2 ? fit.model.intercept[0] : fit.model.intercept[k] - fit.model.intercept[0]]
        for j in 0..<d {
          row.append(K == 2 ? fit.model.coef[0, j] : fit.model.coef[k, j] - fit.model.coef[0, j])
        }
        params.append(row)
      }
    }
    var firthLogLikelihood: Double?
    if firth && K > 2 {
      let design = MultinomialDesign(data)
      guard let f = MultinomialFirth(design) else {
        throw SummaryError(
          message: "Firth's fit failed: the information matrix is singular along the way")
      }
      params = (0..<equations).map { Array(f.beta[($0 * columns)..<(($0 + 1) * columns)]) }
      cov = f.covariance
      converged = f.converged
      iterations = f.iterations
      firthLogLikelihood = design.logLikelihood(f.beta)
      // The maximum-likelihood fit's separation warnings do not apply:
      // Firth's estimate exists whatever the separation.
      warnings = []
      if !f.converged {
        warnings.append("Firth's fit did not converge in \(f.iterations) iterations")
      }
    } else if firth {
      let design = BinaryDesign(data)
      guard let f = FirthFit(design) else {
        throw SummaryError(
          message: "Firth's fit failed: the information matrix is singular along the way")
      }
      params = [f.beta]
      cov = f.covariance
      converged = f.converged
      iterations = f.iterations
      firthLogLikelihood = design.logLikelihood(f.beta)
      if !f.converged {
        warnings.append("Firth's fit did not converge in \(f.iterations) iterations")
      }
    } else if covarianceType != .nonrobust {
      var ids: [Int]?
      if covarianceType == .cluster {
        guard let groups, groups.count == data.sampleCount else {
          throw SummaryError(
            message: "--cov-type cluster needs --groups COL (a column of cluster ids)")
        }
        ids = try Self.clusterIDs(groups)
      }
      if K == 2 {
        let design = BinaryDesign(data)
        cov = sandwichCovariance(
          covarianceType, design: design, probabilities: design.probabilities(params[0]),
          bread: cov, groups: ids)
      } else {
        let design = MultinomialDesign(data)
        cov = multinomialSandwich(
          covarianceType, design: design,
          probabilities: design.probabilities(Array(params.joined())), bread: cov, groups: ids)
      }
    }
    let q = Normal.quantile(1 - alpha / 2)
    var bse: [[Double]] = []
    var z: [[Double]] = []
    var p: [[Double]] = []
    var ci: [[[Double]]] = []
    for e in 0..<equations {
      var b: [Double] = []
      for j in 0..<columns {
        let t = e * columns + j
        b.append(max(cov[t * m + t], 0).squareRoot())
      }
      let zs = zip(params[e], b).map { $0 / $1 }
      bse.append(b)
      z.append(zs)
      p.append(zs.map { 2 * Normal.survival(abs($0)) })
      ci.append(zip(params[e], b).map { [$0 - q * $1, $0 + q * $1] })
    }

    // Likelihoods: llf without any penalty, llnull of the intercept-only model.
    let llf: Double
    if let known = firthLogLikelihood ?? multinomialLogLikelihood {
      llf = known
    } else {
      var plain = LogisticObjective(
        features: data.features, labels: data.labels, classCount: K, C: .infinity,
        fitIntercept: true)
      var g = w
      llf = -Double(data.sampleCount) * plain.value(at: w, gradient: &g)
    }
    let n = Double(data.sampleCount)
    var llnull = 0.0
    for count in data.classCounts where count > 0 {
      llnull += Double(count) * libmLog(Double(count) / n)
    }
    let dfModel = equations * d
    let k = Double(equations * columns)
    let llr = 2 * (llf - llnull)

    let covParams: [[Double]] = (0..<m).map { a in Array(cov[(a * m)..<((a + 1) * m)]) }
    let aic: Double = -2 * llf + 2 * k
    let bic: Double = -2 * llf + k * libmLog(n)
    let llrPValue = ChiSquare.survival(llr, degreesOfFreedom: Double(dfModel))
    self.init(
      targetName: data.targetName, classes: data.classes,
      names: ["const"] + data.featureNames,
      equations: K == 2 ? [data.classes[1]] : Array(data.classes.dropFirst()),
      params: params, bse: bse, z: z, p: p, ci: ci, alpha: alpha,
      llf: llf, llnull: llnull,
      llrPValue: llrPValue, prsquared: 1 - llf / llnull, aic: aic, bic: bic,
      deviance: -2 * llf, nullDeviance: -2 * llnull, nobs: data.sampleCount,
      dfModel: dfModel, dfResid: data.sampleCount - Int(k),
      converged: converged, iterations: iterations,
      penalizedC: C, warnings: warnings)
    self.covarianceType = covarianceType
    self.covParams = covParams
    self.firth = firth
    if let margeff {
      self.marginalEffects =
        K == 2
        ? MarginalEffects(
          design: BinaryDesign(data), beta: params[0], covariance: cov,
          names: data.featureNames, at: margeff.at, method: margeff.method, alpha: alpha,
          dummy: margeffDummy, count: margeffCount)
        : MarginalEffects(
          multinomial: MultinomialDesign(data), beta: Array(params.joined()), covariance: cov,
          names: data.featureNames, classes: data.classes, at: margeff.at, alpha: alpha)
    }
  }

  /// Refuses a design whose columns (with the constant) are linearly
  /// dependent: no standard error exists, whatever the optimizer returns.
  private static func checkDesign(_ data: Dataset) throws(SummaryError) {
    let d = data.featureCount
    let n = data.sampleCount
    for j in 0..<d {
      let first = data.features[0, j]
      if (1..<n).allSatisfy({ data.features[$0, j] == first }) {
        throw SummaryError(
          message: "column \"\(data.featureNames[j])\" is constant, so it cannot be told "
            + "apart from the intercept (const); drop it")
      }
    }
    for a in 0..<d {
      for b in (a + 1)..<max(a + 1, d)
      where (0..<n).allSatisfy({ data.features[$0, a] == data.features[$0, b] }) {
        throw SummaryError(
          message: "columns \"\(data.featureNames[a])\" and \"\(data.featureNames[b])\" are "
            + "identical, so their effects cannot be separated; drop one")
      }
    }
    // X̃ᵀX̃ (with the constant) must factor; scaled to unit diagonal so the
    // test does not depend on units.
    let m = d + 1
    var gram = [Double](repeating: 0, count: m * m)
    var row = [Double](repeating: 1, count: m)
    for i in 0..<n {
      for j in 0..<d { row[j + 1] = data.features[i, j] }
      for a in 0..<m { for b in 0..<m { gram[a * m + b] += row[a] * row[b] } }
    }
    let scale = (0..<m).map { 1 / gram[$0 * m + $0].squareRoot() }
    for a in 0..<m { for b in 0..<m { gram[a * m + b] *= scale[a] * scale[b] } }
    for a in 0..<m { gram[a * m + a] -= 1e-10 }
    if n <= d || inverseOfPositiveDefinite(gram, size: m) == nil {
      throw SummaryError(
        message: n <= d
          ? "\(n) rows cannot estimate \(m) parameters; the summary needs more rows than columns"
          : "the columns are linearly dependent (one is a combination of the others and "
            + "the constant), so no standard errors exist; drop the redundant column")
    }
  }
}

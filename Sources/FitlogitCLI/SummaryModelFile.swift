import FitlogitCore
import FitlogitData
import FitlogitInference
import FitlogitJSON

/// `summary --save MODEL.json`: the summary's fit as a model file that
/// `predict` reads, plus `"cov_params"` (const first, statsmodels' order)
/// and `"cov_type"`, which `predict --interval` needs. `fit --save` has no
/// covariance to store: its fit may be penalized, and a penalized fit has
/// no textbook one.
enum SummaryModelFile {
  static func text(_ s: LogitSummary, data: Dataset) -> String {
    let d = data.featureCount
    let K = s.classes.count
    // Two classes: one row for the positive class. K > 2: MNLogit's
    // parameters are relative to the first class, whose row is then 0.
    let rows = K == 2 ? s.params : [[Double](repeating: 0, count: d + 1)] + s.params
    var model = LogisticModel(
      unchecked: s.classes, featureNames: data.encoding.featureNames,
      coef: Matrix(rows: rows.count, columns: d, uncheckedValues: rows.flatMap { $0.dropFirst() }),
      intercept: rows.map { $0[0] })
    model.encoding = data.encoding
    return ModelFile.encode(
      model, target: s.targetName,
      fitMembers: [
        ("method", .string(s.firth ? "firth" : "mle")),
        ("converged", .bool(s.converged)),
        ("cov_type", .string(s.covarianceType.rawValue)),
        ("cov_params", .array(s.covParams.map(JSON.numbers))),
      ])
  }
}

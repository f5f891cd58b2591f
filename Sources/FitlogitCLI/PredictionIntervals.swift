import FitlogitCore
import FitlogitData
import FitlogitInference
import FitlogitJSON

/// `predict MODEL.json DATA.csv --interval [--alpha A]`: each row's
/// P(positive class) with its delta-method interval, in the columns of
/// statsmodels' `get_prediction(X).summary_frame(alpha)`. The covariance
/// comes from the model file's `"cov_params"`, which `summary --save`
/// writes.
enum PredictionIntervals {
  /// The model file's `"cov_params"`, checked: (d+1)×(d+1), finite.
  static func covariance(
    _ bytes: [UInt8], model: LogisticModel, shown: String
  ) throws(CommandError) -> [Double] {
    let K = model.classes.count
    guard K == 2 else {
      throw .data("\(shown): --interval is implemented for two classes; the model has \(K)")
    }
    let m = model.featureNames.count + 1
    guard let json = try? JSONParser.parse(bytes), let rows = json["cov_params"]?.array else {
      throw .data(
        "\(shown): has no \"cov_params\", which --interval needs; write the model with "
          + "'fitlogit summary DATA.csv --save MODEL.json' ('fit --save' stores no covariance)")
    }
    var values: [Double] = []
    for row in rows {
      // Every entry a finite number: compactMap would hide a string.
      if let entries = row.array, entries.count == m {
        let r = entries.compactMap(\.double)
        if r.count == m && r.allSatisfy(\.isFinite) { values += r }
      }
    }
    guard rows.count == m, values.count == m * m else {
      throw .data(
        "\(shown): not a fitlogit model file: \"cov_params\" must be a \(m)×\(m) matrix "
          + "of finite numbers")
    }
    return values
  }

  /// CSV (`predicted,se,ci_lower,ci_upper`) or JSON, one entry per row.
  static func write(
    model: LogisticModel, x: Matrix, covariance: [Double], alpha: Double, json: Bool,
    to stdout: inout some TextOutputStream
  ) {
    let params = [model.intercept[0]] + Array(model.coef.row(0))
    let rows = (0..<x.rows).map {
      PredictionInterval(row: x.row($0), params: params, covariance: covariance, alpha: alpha)
    }
    if json {
      stdout.write(JSON.object([
        ("alpha", .number(alpha)), ("class", .string(model.classes[1])),
        ("predicted", .numbers(rows.map(\.predicted))), ("se", .numbers(rows.map(\.se))),
        ("ci_lower", .numbers(rows.map(\.lower))), ("ci_upper", .numbers(rows.map(\.upper))),
      ]).text + "\n")
    } else {
      stdout.write("predicted,se,ci_lower,ci_upper\n")
      for r in rows { stdout.write("\(r.predicted),\(r.se),\(r.lower),\(r.upper)\n") }
    }
  }
}

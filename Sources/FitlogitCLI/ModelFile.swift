import FitlogitCore
import FitlogitData

/// The `--save` file: a fitted model plus the options that made it, in
/// scikit-learn's attribute names so other tools can read it too.
public enum ModelFile {
  static let format = "fitlogit-model"

  public static func encode(_ fit: Fit, data: Dataset) -> String {
    let model = fit.model
    let o = fit.options
    let coef = (0..<model.coef.rows).map { JSON.numbers(Array(model.coef.row($0))) }
    let value: JSON = .object([
      ("format", .string(format)),
      ("version", .integer(1)),
      ("fitlogit", .string(version)),
      ("target", .string(data.targetName)),
      ("classes", .strings(model.classes)),
      ("feature_names", .strings(model.featureNames)),
      ("coef", .array(coef)),
      ("intercept", .numbers(model.intercept)),
      ("options", .object([
        ("penalty", .string(o.resolvedPenalty.name)),
        ("C", .number(o.C)),
        ("fit_intercept", .bool(o.fitIntercept)),
        ("solver", .string(o.solver.rawValue)),
        ("tol", .number(o.tol)),
        ("max_iter", .integer(o.maxIter)),
        ("class_weight", o.classWeight == .balanced ? .string("balanced") : .null),
      ])),
      ("n_iter", .integer(fit.optimization.iterations)),
      ("converged", .bool(fit.optimization.converged)),
    ])
    return value.text + "\n"
  }

  /// Reads a model file, checking every shape so that predict cannot index
  /// out of range on a hand-edited file.
  public static func decode(
    _ bytes: [UInt8], path: String
  ) throws(CommandError) -> LogisticModel {
    let path = printable(path)
    let json: JSON
    do {
      json = try JSONParser.parse(bytes)
    } catch {
      throw .data("\(path): not a JSON model file (byte \(error.offset + 1): \(error.message))")
    }
    func bad(_ what: String) -> CommandError {
      .data("\(path): not a fitlogit model file: \(what)")
    }
    guard json["format"]?.string == format else { throw bad("\"format\" is not \"\(format)\"") }
    guard let classes = json["classes"]?.array?.compactMap(\.string), classes.count >= 2,
      Set(classes).count == classes.count
    else { throw bad("\"classes\" must list at least two distinct names") }
    guard let names = json["feature_names"]?.array?.compactMap(\.string), !names.isEmpty
    else { throw bad("\"feature_names\" must list the feature columns") }
    let rows = classes.count == 2 ? 1 : classes.count
    guard let coefRows = json["coef"]?.array, coefRows.count == rows else {
      throw bad("\"coef\" must have \(rows) row\(rows == 1 ? "" : "s") for \(classes.count) classes")
    }
    var values: [Double] = []
    for row in coefRows {
      guard let r = row.array?.compactMap(\.double), r.count == names.count,
        r.allSatisfy(\.isFinite)
      else { throw bad("each \"coef\" row must hold \(names.count) finite numbers") }
      values += r
    }
    guard let intercept = json["intercept"]?.array?.compactMap(\.double),
      intercept.count == rows, intercept.allSatisfy(\.isFinite)
    else { throw bad("\"intercept\" must hold \(rows) finite number\(rows == 1 ? "" : "s")") }
    return LogisticModel(
      classes: classes, featureNames: names,
      coef: Matrix(rows: rows, columns: names.count, values: values), intercept: intercept)
  }
}

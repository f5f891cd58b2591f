import FitlogitData
import FitlogitJSON
import FitlogitSystem

/// The model file (`fitlogit fit --save`, ``Fit/save(to:)``): a fitted model
/// plus the options that made it, in scikit-learn's attribute names so other
/// tools can read it too (docs/DESIGN.md).
///
/// It lives in the library, not the CLI, so that a Swift program can save
/// and load the same files the command line does. To add a member, write it
/// in ``encode(_:)`` and check it in ``decode(_:)``; a reader must keep
/// accepting files that lack it.
package enum ModelFile {
  static let format = "fitlogit-model"

  /// The file's text (one line and a newline).
  package static func encode(_ fit: Fit) -> String {
    let o = fit.options
    return encode(
      fit.model, target: fit.targetName,
      fitMembers: [
        ("options", .object([
          ("penalty", .string(o.resolvedPenalty.name)),
          ("C", .number(o.C)),
          ("fit_intercept", .bool(o.fitIntercept)),
          ("solver", .string(o.solver.rawValue)),
          ("tol", .number(o.tol)),
          ("max_iter", .integer(o.maxIter)),
          ("class_weight", o.classWeight.json),
        ])),
        ("n_iter", .integer(fit.optimization.iterations)),
        ("converged", .bool(fit.optimization.converged)),
      ])
  }

  /// A model's file: `fitMembers` are what only a fit knows (its options,
  /// `n_iter`, `converged`); a model built by hand or loaded has none, and
  /// its file leaves them out rather than guessing them.
  package static func encode(
    _ model: LogisticModel, target: String, fitMembers: [(String, JSON)] = []
  ) -> String {
    let coef = (0..<model.coef.rows).map { JSON.numbers(Array(model.coef.row($0))) }
    let value: JSON = .object([
      ("format", .string(format)),
      ("version", .integer(1)),
      ("fitlogit", .string(fitlogitVersion)),
      ("target", .string(target)),
      ("classes", .strings(model.classes)),
      ("feature_names", .strings(model.featureNames)),
      ("coef", .array(coef)),
      ("intercept", .numbers(model.intercept)),
    ] + fitMembers + encodingMembers(model.encoding))
    return value.text + "\n"
  }

  /// `"encoding"`, for a model with categorical columns or a scaler: each
  /// column's levels in order, whether they are numbers, `drop_first`, and
  /// the scaler's `mean_` and `scale_` for the numeric columns.
  static func encodingMembers(_ e: FeatureEncoding) -> [(String, JSON)] {
    guard !e.categorical.isEmpty || e.scaler != nil else { return [] }
    let scaler: [(String, JSON)] = e.scaler.map {
      [("scaler", .object([("mean", .numbers($0.mean)), ("scale", .numbers($0.scale))]))]
    } ?? []
    let categorical = e.categorical.map { c in
      JSON.object([
        ("column", .string(c.column)), ("levels", .strings(c.levels)),
        ("numeric", .bool(c.numeric)),
      ])
    }
    return [
      ("encoding", .object([
        ("numeric", .strings(e.numeric)), ("categorical", .array(categorical)),
        ("drop_first", .bool(e.dropFirst)),
      ] + scaler))
    ]
  }

  /// The `"encoding"` member, checked against the feature names.
  static func decodeEncoding(
    _ json: JSON?, names: [String], bad: (String) -> ModelFileError
  ) throws(ModelFileError) -> FeatureEncoding {
    guard let json else { return FeatureEncoding(numeric: names) }
    guard let numeric = json["numeric"]?.array?.compactMap(\.string),
      let list = json["categorical"]?.array, let dropFirst = json["drop_first"]?.bool
    else { throw bad("\"encoding\" needs \"numeric\", \"categorical\" and \"drop_first\"") }
    var categorical: [FeatureEncoding.Categorical] = []
    for item in list {
      guard let column = item["column"]?.string,
        let levels = item["levels"]?.array?.compactMap(\.string), !levels.isEmpty,
        Set(levels).count == levels.count, let isNumber = item["numeric"]?.bool,
        !isNumber || levels.allSatisfy({ $0.csvNumber != nil })
      else { throw bad("each categorical column needs \"column\", distinct \"levels\" and \"numeric\"") }
      categorical.append(.init(column: column, levels: levels, numeric: isNumber))
    }
    var scaler: StandardScaler?
    if let s = json["scaler"] {
      guard let mean = s["mean"]?.array?.compactMap(\.double),
        let scale = s["scale"]?.array?.compactMap(\.double),
        mean.count == numeric.count, scale.count == numeric.count,
        mean.allSatisfy(\.isFinite), scale.allSatisfy({ $0.isFinite && $0 > 0 })
      else {
        throw bad("\"scaler\" needs a finite \"mean\" and a positive \"scale\" per numeric column")
      }
      scaler = StandardScaler(mean: mean, scale: scale)
    }
    let encoding = FeatureEncoding(
      numeric: numeric, categorical: categorical, dropFirst: dropFirst, scaler: scaler)
    guard encoding.featureNames == names,
      Set(encoding.sourceColumns).count == encoding.sourceColumns.count
    else { throw bad("\"encoding\" does not give \"feature_names\"") }
    return encoding
  }

  /// Reads a model file, checking every shape so that predict cannot index
  /// out of range on a hand-edited file.
  ///
  /// - Throws: ``ModelFileError`` of kind `.notJSON` or `.notModel`, without
  ///   a path (the caller knows the file's name).
  package static func decode(_ bytes: [UInt8]) throws(ModelFileError) -> LogisticModel {
    let json: JSON
    do {
      json = try JSONParser.parse(bytes)
    } catch {
      throw ModelFileError(
        kind: .notJSON,
        message: "not a JSON model file (byte \(error.offset + 1): \(error.message))")
    }
    func bad(_ what: String) -> ModelFileError {
      ModelFileError(kind: .notModel, message: "not a fitlogit model file: \(what)")
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
    var model = LogisticModel(
      unchecked: classes, featureNames: names,
      coef: Matrix(rows: rows, columns: names.count, uncheckedValues: values), intercept: intercept)
    model.encoding = try decodeEncoding(json["encoding"], names: names, bad: bad)
    return model
  }
}

extension Fit {
  /// The model file's text: what ``save(to:)`` writes and
  /// ``LogisticModel/init(json:)`` reads back.
  public func encoded() -> String { ModelFile.encode(self) }

  /// Writes the model file to `path` (through a temporary file and a
  /// rename, so a failure never leaves a half-written file).
  ///
  /// - Throws: ``ModelFileError`` of kind `.file`.
  public func save(to path: String) throws(ModelFileError) {
    do {
      try writeWholeFile(encoded(), to: path)
    } catch {
      throw ModelFileError(kind: .file, path: path, message: error.message)
    }
  }
}

extension LogisticModel {
  /// The model file's text for this model alone. The fit options that
  /// made it are not part of a model, so the file has no `"options"`,
  /// `"n_iter"` or `"converged"` members (readers do not need them);
  /// `targetName` is the label column `fitlogit score` looks for.
  ///
  /// - Throws: ``ShapeError`` when the model's members have been edited
  ///   into shapes that do not fit together.
  public func encoded(targetName: String = "y") throws(ShapeError) -> String {
    try Self.checkShapes(
      classes: classes, featureCount: featureNames.count, coef: coef, intercept: intercept)
    return ModelFile.encode(self, target: targetName)
  }

  /// Writes ``encoded(targetName:)`` to `path` (through a temporary file
  /// and a rename, as ``Fit/save(to:)``).
  ///
  /// - Throws: ``ModelFileError`` of kind `.file`, or `.notModel` when the
  ///   model's shapes do not fit together.
  public func save(to path: String, targetName: String = "y") throws(ModelFileError) {
    let text: String
    do {
      text = try encoded(targetName: targetName)
    } catch {
      throw ModelFileError(kind: .notModel, path: path, message: error.message)
    }
    do {
      try writeWholeFile(text, to: path)
    } catch {
      throw ModelFileError(kind: .file, path: path, message: error.message)
    }
  }

  /// Reads a model from the text of a model file (``Fit/encoded()``, or a
  /// file that `fitlogit fit --save` wrote).
  ///
  /// - Throws: ``ModelFileError`` (`.notJSON`, `.notModel`) without a path.
  public init(json bytes: [UInt8]) throws(ModelFileError) {
    self = try ModelFile.decode(bytes)
  }

  /// Reads a model from a model file.
  ///
  /// - Throws: ``ModelFileError`` naming `path`.
  public init(contentsOf path: String) throws(ModelFileError) {
    let bytes: [UInt8]
    do {
      bytes = try readWholeFile(path)
    } catch {
      throw ModelFileError(kind: .file, path: path, message: error.message)
    }
    do {
      self = try ModelFile.decode(bytes)
    } catch {
      throw ModelFileError(kind: error.kind, path: path, message: error.message)
    }
  }
}

extension LogisticRegression.ClassWeight {
  /// scikit-learn's spelling: null, "balanced", or {"name": weight}.
  package var json: JSON {
    switch self {
    case .none: .null
    case .balanced: .string("balanced")
    case .weights(let named): .object(named.map { ($0.name, .number($0.weight)) })
    }
  }
}

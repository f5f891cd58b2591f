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

import FitlogitData
import FitlogitJSON
import FitlogitSystem

// MARK: - Reading a model file

extension ModelFile {
  /// The model file version this fitlogit writes and reads. A file of a
  /// later version may mean something this reader does not know, so it is
  /// refused rather than half-read.
  static let version = 1

  /// Reads a model file strictly: every member of the right type, every
  /// shape consistent, each key once, numbers finite, the version known.
  /// Members this version does not write are ignored (a comment a user
  /// added), but the ones it writes are checked even when predict does not
  /// need them (`"options"`, `"n_iter"`), so a damaged file is not trusted.
  ///
  /// Each error names the field: `"coef"[1]: expected 4 numbers, found 3`.
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
    let file = ModelFileField(json)
    try checkFormat(file)
    try checkVersion(file)

    let classes = try file.required("classes").distinctStrings(minimum: 2, nouns: ("class", "classes"))
    let names = try file.required("feature_names").distinctStrings(minimum: 1, nouns: ("name", "names"))
    let rows = classes.count == 2 ? 1 : classes.count
    let coefField = try file.required("coef")
    let coefRows = try coefField.items()
    if coefRows.count != rows {
      throw coefField.error(
        rows == 1
          ? "expected 1 row (for 2 classes), found \(coefRows.count)"
          : "expected \(rows) rows (one per class), found \(coefRows.count)")
    }
    var values: [Double] = []
    values.reserveCapacity(rows * names.count)
    for row in coefRows { values += try row.numbers(count: names.count) }
    let intercept = try file.required("intercept").numbers(count: rows)

    for key in ["fitlogit", "target"] { _ = try file.member(key)?.string() }
    if let options = try file.member("options") { try checkOptions(options) }
    if let n = try file.member("n_iter"), try n.integer() < 0 {
      throw n.expected("an integer >= 0")
    }
    _ = try file.member("converged")?.bool()

    var model = LogisticModel(
      unchecked: classes, featureNames: names,
      coef: Matrix(rows: rows, columns: names.count, uncheckedValues: values),
      intercept: intercept)
    model.encoding = try decodeEncoding(file.member("encoding"), names: names)
    return model
  }

  private static func checkFormat(_ file: ModelFileField) throws(ModelFileError) {
    func notModel(_ why: String) -> ModelFileError {
      ModelFileError(kind: .notModel, message: "not a fitlogit model file: \(why)")
    }
    guard case .object = file.value else {
      throw notModel("expected an object, found \(ModelFileField.describe(file.value))")
    }
    guard let format = try file.member("format") else {
      throw notModel("no \"format\": \"\(format)\"")
    }
    guard case .string(let name) = format.value, name == self.format else {
      throw notModel(
        "\"format\" is \(ModelFileField.describe(format.value)), not \"\(self.format)\"")
    }
  }

  private static func checkVersion(_ file: ModelFileField) throws(ModelFileError) {
    let reads = "this fitlogit reads version \(version)"
    guard let field = try file.member("version") else {
      throw file.error("\"version\" is missing (\(reads))")
    }
    let v = try field.integer()
    if v > version {
      throw field.error(
        "\(v) is newer than this fitlogit (\(fitlogitVersion)) reads (version \(version)); "
          + "upgrade fitlogit")
    }
    if v < 1 { throw field.error("\(v) is not a model file version (\(reads))") }
  }

  /// `"options"`: what the fit was asked for, in scikit-learn's names.
  private static func checkOptions(_ options: ModelFileField) throws(ModelFileError) {
    for key in ["penalty", "solver"] { _ = try options.member(key)?.string() }
    for key in ["C", "tol"] { _ = try options.member(key)?.number() }
    _ = try options.member("fit_intercept")?.bool()
    if let maxIter = try options.member("max_iter"), try maxIter.integer() < 0 {
      throw maxIter.expected("an integer >= 0")
    }
    if let weights = try options.member("class_weight") {
      switch weights.value {
      case .null: break
      case .string("balanced"): break
      case .object:
        for (key, _) in try weights.members() { _ = try weights.member(key)?.number() }
      default: throw weights.expected("null, \"balanced\" or an object of weights")
      }
    }
  }

  /// The `"encoding"` member, checked against the feature names: each
  /// categorical column's levels in order, the scaler's `mean` and `scale`.
  static func decodeEncoding(
    _ field: ModelFileField?, names: [String]
  ) throws(ModelFileError) -> FeatureEncoding {
    guard let field else { return FeatureEncoding(numeric: names) }
    let numeric = try field.required("numeric").distinctStrings(minimum: 0, nouns: ("column", "columns"))
    var categorical: [FeatureEncoding.Categorical] = []
    for item in try field.required("categorical").items() {
      let column = try item.required("column").string()
      let levelsField = try item.required("levels")
      let levels = try levelsField.distinctStrings(minimum: 1, nouns: ("level", "levels"))
      let isNumber = try item.required("numeric").bool()
      if isNumber, let k = levels.firstIndex(where: { $0.csvNumber == nil }) {
        throw ModelFileField(.string(levels[k]), path: "\(levelsField.path)[\(k)]")
          .error("\(quoted(levels[k], limit: 40)) is not a number, yet \"numeric\" is true")
      }
      categorical.append(.init(column: column, levels: levels, numeric: isNumber))
    }
    let dropFirst = try field.required("drop_first").bool()
    var scaler: StandardScaler?
    if let s = try field.member("scaler") {
      let mean = try s.required("mean").numbers(count: numeric.count)
      let scaleField = try s.required("scale")
      let scale = try scaleField.numbers(count: numeric.count)
      if let k = scale.firstIndex(where: { !($0 > 0) }) {
        throw ModelFileField(.number(scale[k]), path: "\(scaleField.path)[\(k)]")
          .expected("a number > 0")
      }
      scaler = StandardScaler(mean: mean, scale: scale)
    }
    let encoding = FeatureEncoding(
      numeric: numeric, categorical: categorical, dropFirst: dropFirst, scaler: scaler)
    var seen = Set<String>()
    if let column = encoding.sourceColumns.first(where: { !seen.insert($0).inserted }) {
      throw field.error("the column \(quoted(column, limit: 40)) is listed twice")
    }
    let made = encoding.featureNames
    if made != names {
      let k = zip(made, names).prefix { $0 == $1 }.count
      throw field.error(
        k < min(made.count, names.count)
          ? "its columns make the feature \(quoted(made[k], limit: 40)) where "
            + "\"feature_names\"[\(k)] is \(quoted(names[k], limit: 40))"
          : "its columns make \(made.count) features, \"feature_names\" lists \(names.count)")
    }
    return encoding
  }
}

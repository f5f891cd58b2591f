import FitlogitData
import FitlogitSystem

/// A fitted logistic regression: what `predict` needs and `--save` writes.
///
/// Shapes follow scikit-learn: two classes have one coefficient row (for
/// ``classes``[1], the positive class); K > 2 classes have K rows.
public struct LogisticModel: Equatable, Sendable {
  public var classes: [String]
  public var featureNames: [String]
  /// `coef_`: 1×d for two classes, K×d for K > 2.
  public var coef: Matrix
  /// `intercept_`: one per row of ``coef`` (zeros without an intercept).
  public var intercept: [Double]
  /// How the columns of a data file become ``featureNames``: categorical
  /// levels, so `predict` builds the training matrix from any file.
  public var encoding: FeatureEncoding

  /// A model from scikit-learn's attributes (`classes_`, `coef_`,
  /// `intercept_`), for example copied from a Python session.
  ///
  /// - Throws: ``ShapeError`` when there are fewer than two distinct
  ///   classes, or `coef` and `intercept` do not have one row per class
  ///   (one for two classes) and one column per feature name.
  public init(
    classes: [String], featureNames: [String], coef: Matrix, intercept: [Double]
  ) throws(ShapeError) {
    try Self.checkShapes(
      classes: classes, featureCount: featureNames.count, coef: coef, intercept: intercept)
    self.init(unchecked: classes, featureNames: featureNames, coef: coef, intercept: intercept)
  }

  /// The package's own fast path: a fit or a checked model file, whose
  /// shapes are right by construction.
  package init(
    unchecked classes: [String], featureNames: [String], coef: Matrix, intercept: [Double]
  ) {
    assert(coef.columns == featureNames.count && coef.rows == intercept.count)
    self.classes = classes
    self.featureNames = featureNames
    self.coef = coef
    self.intercept = intercept
    self.encoding = FeatureEncoding(numeric: featureNames)
  }

  /// Builds the model from an optimizer's flat parameter vector, laid out
  /// as ``ParameterLayout`` says.
  ///
  /// - Throws: ``ShapeError`` when there are fewer than two distinct classes
  ///   or `w` does not hold the layout's number of parameters.
  public init(
    parameters w: [Double], classes: [String], featureNames: [String],
    fitIntercept: Bool
  ) throws(ShapeError) {
    try Self.checkClasses(classes)
    let layout = ParameterLayout(
      featureCount: featureNames.count, classCount: classes.count, fitIntercept: fitIntercept)
    guard w.count == layout.dimension else {
      throw ShapeError(
        "\(classes.count) classes and \(featureNames.count) features"
          + "\(fitIntercept ? " with intercepts" : "") need \(layout.dimension) parameters,"
          + " not \(w.count)")
    }
    self.init(
      uncheckedParameters: w, classes: classes, featureNames: featureNames,
      fitIntercept: fitIntercept)
  }

  /// ``init(parameters:classes:featureNames:fitIntercept:)`` without the
  /// checks, for the solvers' own results.
  package init(
    uncheckedParameters w: [Double], classes: [String], featureNames: [String],
    fitIntercept: Bool
  ) {
    let layout = ParameterLayout(
      featureCount: featureNames.count, classCount: classes.count, fitIntercept: fitIntercept)
    self.init(
      unchecked: classes, featureNames: featureNames, coef: layout.coefficients(of: w),
      intercept: layout.intercepts(of: w))
  }

  static func checkClasses(_ classes: [String]) throws(ShapeError) {
    guard classes.count >= 2, Set(classes).count == classes.count else {
      throw ShapeError("a model needs at least two distinct classes, not \(classes)")
    }
  }

  /// scikit-learn's shapes: `coef_` is 1×d for two classes and K×d for K,
  /// `intercept_` has one value per row of `coef_`.
  static func checkShapes(
    classes: [String], featureCount d: Int, coef: Matrix, intercept: [Double]
  ) throws(ShapeError) {
    try checkClasses(classes)
    let rows = classes.count == 2 ? 1 : classes.count
    guard coef.rows == rows, coef.columns == d else {
      throw ShapeError(
        "coef is \(coef.rows)×\(coef.columns); \(classes.count) classes and \(d) features"
          + " need \(rows)×\(d)")
    }
    guard intercept.count == rows else {
      throw ShapeError(
        "intercept has \(intercept.count) values; \(classes.count) classes need \(rows)")
    }
  }

  /// Checks `x` against the model (and the model against itself, since
  /// its members are mutable) before a prediction.
  func checkInput(_ x: Matrix) throws(ShapeError) {
    try Self.checkShapes(
      classes: classes, featureCount: featureNames.count, coef: coef, intercept: intercept)
    guard x.columns == coef.columns else {
      throw ShapeError(
        "the model has \(coef.columns) feature\(coef.columns == 1 ? "" : "s");"
          + " the matrix has \(x.columns) column\(x.columns == 1 ? "" : "s")")
    }
  }

  /// The flat parameter vector of this model (``ParameterLayout``), the
  /// inverse of ``init(parameters:classes:featureNames:fitIntercept:)``.
  public func parameters(fitIntercept: Bool) -> [Double] {
    ParameterLayout(
      featureCount: featureNames.count, classCount: classes.count, fitIntercept: fitIntercept
    ).flatten(coef: coef, intercept: intercept)
  }

  /// Margins X·coefᵀ + intercept (scikit-learn's `decision_function`): n×1
  /// for two classes, n×K otherwise.
  ///
  /// - Throws: ``ShapeError`` when `x` does not have one column per feature.
  public func decisionFunction(_ x: Matrix) throws(ShapeError) -> Matrix {
    try checkInput(x)
    return decisionFunction(unchecked: x)
  }

  /// ``decisionFunction(_:)`` for a matrix built from this model's own
  /// encoding or training data.
  package func decisionFunction(unchecked x: Matrix) -> Matrix {
    assert(x.columns == coef.columns)
    let rows = coef.rows
    let d = coef.columns
    let n = x.rows
    var out = [Double](repeating: 0, count: n * rows)
    x.values.withUnsafeBufferPointer { x in
      coef.values.withUnsafeBufferPointer { c in
        out.withUnsafeMutableBufferPointer { out in
          // Buffer subscripts rather than base addresses: a model with no
          // features has empty buffers, whose base address may be nil.
          for i in 0..<n {
            for k in 0..<rows {
              var r = 0.0
              for j in 0..<d { r += x[i * d + j] * c[k * d + j] }
              out[i * rows + k] = r + intercept[k]
            }
          }
        }
      }
    }
    return Matrix(rows: x.rows, columns: rows, uncheckedValues: out)
  }

  /// Class probabilities, n × (number of classes), scikit-learn's
  /// `predict_proba`: [1 − σ(r), σ(r)] for two classes, softmax otherwise.
  ///
  /// - Throws: ``ShapeError`` when `x` does not have one column per feature.
  public func probabilities(_ x: Matrix) throws(ShapeError) -> Matrix {
    try checkInput(x)
    return probabilities(unchecked: x)
  }

  /// ``probabilities(_:)`` without the shape checks.
  package func probabilities(unchecked x: Matrix) -> Matrix {
    let K = classes.count
    var out = [Double](repeating: 0, count: x.rows * K)
    out.withUnsafeMutableBufferPointer { out in
      forEachRow(unchecked: x) { i, p in
        for k in 0..<K { out[i * K + k] = p[k] }
      }
    }
    return Matrix(rows: x.rows, columns: K, uncheckedValues: out)
  }

  /// Each row's `predict_proba` (K values, in a buffer reused for every
  /// row), in row order: for what needs one row at a time (the log loss,
  /// the saturation check), so a fit of many classes keeps no n × K matrix.
  /// ``probabilities(unchecked:)`` is built on it: the same arithmetic.
  ///
  /// - Complexity: O(n·K·d) time, O(K) space.
  ///
  /// - Parameter range: Only these rows (default all), for callers that
  ///   split the rows across cores.
  package func forEachRow(
    unchecked x: Matrix, rows range: Range<Int>? = nil,
    _ body: (Int, UnsafeMutableBufferPointer<Double>) -> Void
  ) {
    let K = classes.count
    withUnsafeTemporaryAllocation(of: Double.self, capacity: K) { p in
      forEachRowMargins(unchecked: x, rows: range) { i, r in
        if K == 2 {
          let q = sigmoid(r[0])
          p[0] = 1 - q
          p[1] = q
        } else {
          var m = r[0]
          for k in 1..<K where r[k] > m { m = r[k] }
          if m == .infinity {
            // exp(∞ − ∞) is NaN: the one class whose margin overflowed to
            // +∞ takes all the mass (several share it here, but the CLI
            // refuses those rows: ``firstUndefinedRow(unchecked:)``).
            var top = 0.0
            for k in 0..<K where r[k] == m { top += 1 }
            for k in 0..<K { p[k] = r[k] == m ? 1 / top : 0 }
          } else {
            var sum = 0.0
            for k in 0..<K {
              let e = libmExp(r[k] - m)
              p[k] = e
              sum += e
            }
            for k in 0..<K { p[k] /= sum }
          }
        }
        body(i, p)
      }
    }
  }

  /// Column `k` of ``probabilities(unchecked:)``, without the rest.
  package func predictProbaColumn(_ k: Int, of x: Matrix) -> [Double] {
    var column = [Double](repeating: 0, count: x.rows)
    forEachRow(unchecked: x) { i, p in column[i] = p[k] }
    return column
  }

  /// Each row's margins (one for two classes, K otherwise) in a reused
  /// buffer: the arithmetic of ``decisionFunction(unchecked:)``, one row at
  /// a time.
  package func forEachRowMargins(
    unchecked x: Matrix, rows range: Range<Int>? = nil,
    _ body: (Int, UnsafeMutableBufferPointer<Double>) -> Void
  ) {
    assert(x.columns == coef.columns)
    let rows = coef.rows
    let d = coef.columns
    let selected = range ?? 0..<x.rows
    x.values.withUnsafeBufferPointer { x in
      coef.values.withUnsafeBufferPointer { c in
        intercept.withUnsafeBufferPointer { b in
          withUnsafeTemporaryAllocation(of: Double.self, capacity: rows) { r in
            // Buffer subscripts rather than base addresses: a model with
            // no features has empty buffers, whose base address may be nil.
            for i in selected {
              for k in 0..<rows {
                var sum = 0.0
                for j in 0..<d { sum += x[i * d + j] * c[k * d + j] }
                r[k] = sum + b[k]
              }
              body(i, r)
            }
          }
        }
      }
    }
  }

  /// The first row of `x` whose probabilities double arithmetic cannot
  /// tell, or nil: a margin that is not a number (x·w overflowed to ∞ − ∞),
  /// or several classes whose margins overflowed to +∞ (which of them wins
  /// is lost). Callers refuse such a row instead of printing NaN or an
  /// arbitrary class.
  package func firstUndefinedRow(unchecked x: Matrix) -> Int? {
    var found: Int?
    forEachRowMargins(unchecked: x) { i, r in
      guard found == nil else { return }
      var infinite = 0
      for k in 0..<r.count {
        if r[k].isNaN { found = i; return }
        if r[k] == .infinity { infinite += 1 }
      }
      if infinite > 1 { found = i }
    }
    return found
  }

  /// The most probable class per row (ties go to the first, as numpy's
  /// argmax; for two classes, r > 0 means the positive class).
  ///
  /// - Throws: ``ShapeError`` when `x` does not have one column per feature.
  public func predict(_ x: Matrix) throws(ShapeError) -> [Int] {
    try checkInput(x)
    return predict(unchecked: x)
  }

  /// ``predict(_:)`` without the shape checks.
  package func predict(unchecked x: Matrix) -> [Int] {
    var labels = [Int](repeating: 0, count: x.rows)
    let binary = classes.count == 2
    forEachRowMargins(unchecked: x) { i, r in
      if binary {
        labels[i] = r[0] > 0 ? 1 : 0
        return
      }
      var best = 0
      for k in 1..<r.count where r[k] > r[best] { best = k }
      labels[i] = best
    }
    return labels
  }
}

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

  public init(classes: [String], featureNames: [String], coef: Matrix, intercept: [Double]) {
    precondition(coef.columns == featureNames.count && coef.rows == intercept.count)
    precondition(coef.rows == (classes.count == 2 ? 1 : classes.count))
    self.classes = classes
    self.featureNames = featureNames
    self.coef = coef
    self.intercept = intercept
    self.encoding = FeatureEncoding(numeric: featureNames)
  }

  /// Builds the model from an optimizer's flat parameter vector, laid out
  /// as ``ParameterLayout`` says.
  public init(
    parameters w: [Double], classes: [String], featureNames: [String],
    fitIntercept: Bool
  ) {
    let layout = ParameterLayout(
      featureCount: featureNames.count, classCount: classes.count, fitIntercept: fitIntercept)
    self.init(
      classes: classes, featureNames: featureNames, coef: layout.coefficients(of: w),
      intercept: layout.intercepts(of: w))
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
  public func decisionFunction(_ x: Matrix) -> Matrix {
    precondition(x.columns == coef.columns)
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
    return Matrix(rows: x.rows, columns: rows, values: out)
  }

  /// Class probabilities, n × (number of classes), scikit-learn's
  /// `predict_proba`: [1 − σ(r), σ(r)] for two classes, softmax otherwise.
  public func probabilities(_ x: Matrix) -> Matrix {
    let margins = decisionFunction(x)
    let K = classes.count
    var out = [Double](repeating: 0, count: x.rows * K)
    for i in 0..<x.rows {
      if K == 2 {
        let p = sigmoid(margins[i, 0])
        out[i * 2] = 1 - p
        out[i * 2 + 1] = p
        continue
      }
      var m = margins[i, 0]
      for k in 1..<K where margins[i, k] > m { m = margins[i, k] }
      if m == .infinity {
        // exp(∞ − ∞) is NaN: the one class whose margin overflowed to +∞
        // takes all the mass (several share it here, but the CLI refuses
        // those rows: ``firstUndefinedRow(_:)``).
        var top = 0.0
        for k in 0..<K where margins[i, k] == m { top += 1 }
        for k in 0..<K { out[i * K + k] = margins[i, k] == m ? 1 / top : 0 }
        continue
      }
      var sum = 0.0
      for k in 0..<K {
        let e = libmExp(margins[i, k] - m)
        out[i * K + k] = e
        sum += e
      }
      for k in 0..<K { out[i * K + k] /= sum }
    }
    return Matrix(rows: x.rows, columns: K, values: out)
  }

  /// The first row of `x` whose probabilities double arithmetic cannot
  /// tell, or nil: a margin that is not a number (x·w overflowed to ∞ − ∞),
  /// or several classes whose margins overflowed to +∞ (which of them wins
  /// is lost). Callers refuse such a row instead of printing NaN or an
  /// arbitrary class.
  public func firstUndefinedRow(_ x: Matrix) -> Int? {
    let margins = decisionFunction(x)
    for i in 0..<margins.rows {
      var infinite = 0
      for k in 0..<margins.columns {
        if margins[i, k].isNaN { return i }
        if margins[i, k] == .infinity { infinite += 1 }
      }
      if infinite > 1 { return i }
    }
    return nil
  }

  /// The most probable class per row (ties go to the first, as numpy's
  /// argmax; for two classes, r > 0 means the positive class).
  public func predict(_ x: Matrix) -> [Int] {
    let margins = decisionFunction(x)
    if classes.count == 2 {
      return (0..<x.rows).map { margins[$0, 0] > 0 ? 1 : 0 }
    }
    return (0..<x.rows).map { i in
      var best = 0
      for k in 1..<classes.count where margins[i, k] > margins[i, best] { best = k }
      return best
    }
  }
}

import FitlogitCore
import FitlogitData
import FitlogitJSON
import FitlogitSystem

/// The two renderings of a fit: the article's lines for people, and
/// scikit-learn's attribute names for programs.
enum FitReport {
  /// Vectors longer than this print as their ends around "...".
  static let fullVectorLimit = 20

  static func text(_ fit: Fit, data: Dataset) -> String {
    let model = fit.model
    let binary = data.classCount == 2
    var out = ""
    // The article's four lines ("Show me the code").
    if data.featureCount == 1 {
      out += "x = \(vector(data.features.values.map(shortest)))\n"
    } else {
      out += "X = \(data.sampleCount) rows × \(data.featureCount) features "
        + "(\(data.featureNames.joined(separator: ", ")))\n"
    }
    out += "y = \(vector(data.labels.map { data.classes[$0] }))\n"
    // One probability per row, computed a row at a time (no n × K matrix).
    var shown: [String] = []
    shown.reserveCapacity(data.sampleCount)
    fit.model.forEachRow(unchecked: fit.trainingFeatures) { i, p in
      shown.append(shortest(numpyRound(p[binary ? 1 : data.labels[i]], 2)))
    }
    out += (binary ? "p(y) = " : "p(true class) = ") + "\(vector(shown))\n"
    out += "Log Loss / Cross Entropy = \(fixed(fit.logLoss, 4))\n\n"

    // The model.
    let classes = data.classes
    out += "Logistic regression of \(data.targetName) on "
      + "\(data.featureCount == 1 ? data.featureNames[0] : "\(data.featureCount) features"): "
      + "\(data.sampleCount) rows, classes \(classes.joined(separator: " < "))"
    out += binary ? "; p(y) is P(\(data.targetName) = \(classes[1]))\n" : "\n"
    out += DataOptions.droppedLine(data)
    let names = model.featureNames + ["(intercept)"]
    let scaler = model.encoding.scaler
    let original = scaler.map { originalScale(model, $0) }
    var columns = binary ? ["coef"] : classes
    if scaler != nil && binary { columns = ["coef (standardized)", "coef (original units)"] }
    var rows: [[String]] = [[""] + columns]
    for (j, name) in names.enumerated() {
      var row = [name]
      for k in 0..<model.coef.rows {
        row.append(fixed(j < model.featureNames.count ? model.coef[k, j] : model.intercept[k], 8))
      }
      if binary, let original { row.append(fixed(original[0][j], 8)) }
      rows.append(row)
    }
    out += table(rows)
    if !binary, let original {
      out += "On the original units of the \(scaler!.mean.count) standardized columns "
        + "(the table above is on the standardized scale):\n"
      var rows: [[String]] = [[""] + classes]
      for (j, name) in names.enumerated() {
        rows.append([name] + original.map { fixed($0[j], 8) })
      }
      out += table(rows)
    }
    let o = fit.options
    let penalty = describe(o.resolvedPenalty)
    let result = fit.optimization
    let outcome = result.converged ? "converged" : "did not converge"
    out += "\(o.solver.rawValue), \(penalty)\(o.fitIntercept ? "" : ", no intercept"): "
      + "\(outcome) after \(result.iterations) iteration\(result.iterations == 1 ? "" : "s") "
      + "(\(result.stopReason.message))\n"
    out += "objective \(fixed(result.value, 8)), log loss \(fixed(fit.logLoss, 8))\n"
    return out
  }

  /// - Parameters:
  ///   - extra: Members appended after the fit's (`test` for `--test`).
  static func json(
    _ fit: Fit, data: Dataset, warnings: [String], extra: [(String, JSON)] = []
  ) -> String {
    let model = fit.model
    let o = fit.options
    let coef = (0..<model.coef.rows).map { k in
      JSON.numbers(Array(model.coef.row(k)))
    }
    let value: JSON = .object([
      ("classes", .strings(model.classes)),
      ("feature_names", .strings(model.featureNames)),
      ("coef", .array(coef)),
      ("intercept", .numbers(model.intercept)),
      ("n_iter", .integer(fit.optimization.iterations)),
      ("converged", .bool(fit.optimization.converged)),
      ("log_loss", .number(fit.logLoss)),
      ("objective", .number(fit.optimization.value)),
      ("solver", .string(o.solver.rawValue)),
      ("penalty", .string(o.resolvedPenalty.name)),
      ("C", .number(o.C)),
      ("l1_ratio", .number(o.l1Ratio)),
      ("n_nonzero", .integer(model.coef.values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) })),
      ("objective_formula", .string(objectiveFormula(o.resolvedPenalty))),
      ("penalty_value", .number(penaltyValue(fit))),
      ("fit_intercept", .bool(o.fitIntercept)),
      ("tol", .number(o.tol)),
      ("max_iter", .integer(o.maxIter)),
      ("class_weight", o.classWeight.json),
      ("n_samples", .integer(data.sampleCount)),
      ("n_dropped", .integer(data.droppedRows)),
      ("n_features", .integer(data.featureCount)),
      ("stop_reason", .string(fit.optimization.stopReason.message)),
      ("n_evaluations", .integer(fit.optimization.evaluations)),
      ("warnings", .strings(warnings)),
    ] + extra)
    return value.text + "\n"
  }

  /// Per coefficient row, the coefficients (then the intercept) of the same
  /// model on the unscaled columns: w/σ, and b − Σ w·μ/σ.
  static func originalScale(_ model: LogisticModel, _ s: StandardScaler) -> [[Double]] {
    (0..<model.coef.rows).map { k in
      var row = Array(model.coef.row(k))
      var intercept = model.intercept[k]
      for j in s.mean.indices {
        row[j] = model.coef[k, j] / s.scale[j]
        intercept -= row[j] * s.mean[j]
      }
      return row + [intercept]
    }
  }

  /// `[a b c]`, or `[a b c ... x y z]` when long, as numpy abbreviates.
  static func vector(_ items: [String]) -> String {
    guard items.count > fullVectorLimit else {
      return "[" + items.joined(separator: " ") + "]"
    }
    let head = items.prefix(3).joined(separator: " ")
    let tail = items.suffix(3).joined(separator: " ")
    return "[\(head) ... \(tail)] (\(items.count) values)"
  }

  /// Left-aligned first column, right-aligned numbers, two spaces apart;
  /// widths as printed (``printedWidth(_:)``: a name's escapes count).
  static func table(_ rows: [[String]]) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (c, cell) in row.enumerated() { widths[c] = max(widths[c], printedWidth(cell)) }
    }
    var out = ""
    for row in rows {
      var line = "  "
      for (c, cell) in row.enumerated() {
        line += c == 0 ? padded(cell, to: widths[c]) : "  " + padded(cell, to: widths[c], right: true)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}

extension FitReport {
  /// The penalty in words for the status line: "L2 penalty C=1",
  /// "elastic-net penalty C=1, l1_ratio=0.5", "no penalty".
  static func describe(_ penalty: Penalty) -> String {
    let C = shortest(penalty.C)
    switch penalty.name {
    case "none": return "no penalty"
    case "l1": return "L1 penalty C=\(C)"
    case "elasticnet": return "elastic-net penalty C=\(C), l1_ratio=\(shortest(penalty.l1Ratio))"
    default: return "L2 penalty C=\(C)"
    }
  }
}

extension FitReport {
  /// What "objective" is the value of, with the penalty spelled out
  /// (S is the sum of the sample weights, n without weights).
  static func objectiveFormula(_ penalty: Penalty) -> String {
    let loss = "sum(s_i * log_loss_i) / S"
    let C = shortest(penalty.C)
    switch penalty.name {
    case "none": return loss
    case "l1": return loss + " + ||coef||_1 / (\(C) * S)"
    case "elasticnet":
      let r = shortest(penalty.l1Ratio)
      return loss + " + (\(r) * ||coef||_1 + (1 - \(r)) / 2 * ||coef||_2^2) / (\(C) * S)"
    default: return loss + " + ||coef||_2^2 / (2 * \(C) * S)"
    }
  }

  /// The penalty's share of the objective at the fitted coefficients.
  static func penaltyValue(_ fit: Fit) -> Double {
    let penalty = fit.options.resolvedPenalty
    guard !penalty.isNone else { return 0 }
    var l1 = 0.0
    var l2 = 0.0
    for c in fit.model.coef.values {
      l1 += abs(c)
      l2 += c * c
    }
    return (penalty.l1Ratio * l1 + (1 - penalty.l1Ratio) / 2 * l2) / (penalty.C * fit.weightSum)
  }
}
